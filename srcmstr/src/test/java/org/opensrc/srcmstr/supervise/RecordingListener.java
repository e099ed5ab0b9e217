package org.opensrc.srcmstr.supervise;

import org.opensrc.proto.v1.SrcCode;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what the loop reported. */
final class RecordingListener implements SupervisionListener {

    final List<SrcCode> logs = new CopyOnWriteArrayList<>();
    final List<String> notices = new CopyOnWriteArrayList<>();
    final List<String> notifies = new CopyOnWriteArrayList<>();
    final AtomicInteger persists = new AtomicInteger();
    final AtomicInteger urgentPersists = new AtomicInteger();
    final AtomicInteger shutdowns = new AtomicInteger();

    @Override
    public void log(SrcCode code, List<String> args) {
        logs.add(code);
    }

    @Override
    public void notice(String message) {
        notices.add(message);
    }

    @Override
    public void runNotify(String subsystem, String group) {
        notifies.add(subsystem + " " + group);
    }

    final List<String> failures = new CopyOnWriteArrayList<>();

    /** Run at every sync, before it answers (on the supervision thread). */
    volatile Runnable onSync = () -> {};

    /** When set, syncs fail with this cause. */
    volatile String diskFull;

    @Override
    public java.util.Optional<String> persist(SupervisionState state) {
        persists.incrementAndGet();
        return java.util.Optional.empty();
    }

    @Override
    public java.util.Optional<String> sync() {
        urgentPersists.incrementAndGet();
        onSync.run();
        return java.util.Optional.ofNullable(diskFull);
    }

    @Override
    public void failure(String what, RuntimeException cause) {
        failures.add(what + ": " + cause.getMessage());
    }

    @Override
    public void shutdownComplete() {
        shutdowns.incrementAndGet();
    }
}
