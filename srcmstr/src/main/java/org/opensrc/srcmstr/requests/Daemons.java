package org.opensrc.srcmstr.requests;

import org.opensrc.proto.v1.SrcCode;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The running socket subsystems, as {@link ForwardedRequests} reaches them. Never blocks.
 *
 * @param <R> the status packet in the form of the transport
 */
public interface Daemons<R> {

    /**
     * Sends {@code request} to the instance running as {@code pid}. The future completes with its reply, or
     * exceptionally with {@link Unreachable} (not attached, gone, or no answer within {@code timeout}).
     */
    CompletableFuture<DaemonReply<R>> send(int pid, DaemonRequest request, Duration timeout);

    /** The daemon could not be asked or did not answer; {@code code} is the AIX message. */
    final class Unreachable extends RuntimeException {

        private final SrcCode code;
        private final boolean timedOut;

        public Unreachable(SrcCode code, boolean timedOut, String message) {
            super(message);
            this.code = code;
            this.timedOut = timedOut;
        }

        public SrcCode code() {
            return code;
        }

        public boolean timedOut() {
            return timedOut;
        }
    }
}
