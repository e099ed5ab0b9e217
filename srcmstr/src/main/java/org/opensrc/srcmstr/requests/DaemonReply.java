package org.opensrc.srcmstr.requests;

import org.opensrc.srcmstr.supervise.SrcMessage;

import java.util.Objects;
import java.util.Optional;

/**
 * A daemon's answer: empty {@code refusal} when it did what was asked, and its status packet, which srcmstr passes on
 * without reading.
 *
 * @param <R> the status packet in the form of the transport
 */
public record DaemonReply<R>(Optional<SrcMessage> refusal, R rows) {

    public DaemonReply {
        Objects.requireNonNull(refusal, "refusal");
        Objects.requireNonNull(rows, "rows");
    }

    public boolean ok() {
        return refusal.isEmpty();
    }
}
