package org.opensrc.srcmstr.definitions;

import io.grpc.stub.StreamObserver;

import java.util.ArrayList;
import java.util.List;

/** Records what a unary handler answered: its values, its error, whether it completed. */
final class RecordingObserver<T> implements StreamObserver<T> {
    final List<T> values = new ArrayList<>();
    Throwable error;
    boolean completed;

    @Override
    public void onNext(T value) {
        values.add(value);
    }

    @Override
    public void onError(Throwable t) {
        error = t;
    }

    @Override
    public void onCompleted() {
        completed = true;
    }

    T single() {
        if (error != null) {
            throw new AssertionError("call failed", error);
        }
        if (values.size() != 1 || !completed) {
            throw new AssertionError("expected one value and completion: " + values + " " + completed);
        }
        return values.getFirst();
    }
}
