package org.opensrc.srcmstr.control;

import org.opensrc.libsrc.client.SrcClient;

import java.time.Duration;

/**
 * What the local control socket allows a caller that is not exempt (not root and not srcmstr's own uid): at most {@code
 * perUid} connections per uid and {@code total} in all; a connection must complete its HTTP/2 handshake within {@code
 * handshakeTimeout}, and one without a call in progress is closed after {@code idleTimeout}. A request message may be
 * at most {@link #MAX_MESSAGE_BYTES}.
 */
public record SocketLimits(int perUid, int total, Duration handshakeTimeout, Duration idleTimeout) {

    /** The largest message srcmstr reads on the local socket ({@link SrcClient#MAX_REQUEST_BYTES}). */
    public static final int MAX_MESSAGE_BYTES = SrcClient.MAX_REQUEST_BYTES;

    /** Request headers (the gRPC metadata): a few hundred bytes in practice. */
    public static final int MAX_METADATA_BYTES = 8 * 1024;

    /** Calls in flight on one connection: a command makes one, an attached subsystem one. */
    public static final int MAX_CALLS_PER_CONNECTION = 16;

    public static final SocketLimits DEFAULTS =
            new SocketLimits(64, 512, Duration.ofSeconds(30), Duration.ofMinutes(5));

    public SocketLimits {
        if (perUid < 1 || total < 1) {
            throw new IllegalArgumentException("connection caps must be at least 1, got " + perUid + " and " + total);
        }
        if (handshakeTimeout.isNegative()
                || handshakeTimeout.isZero()
                || idleTimeout.isNegative()
                || idleTimeout.isZero()) {
            throw new IllegalArgumentException("socket timeouts must be positive");
        }
    }

    /**
     * These limits fitted to a descriptor limit of {@code openFiles}: non-exempt connections may use at most half of
     * it, so root's commands, subsystems' files and srcmstr's own descriptors always have room.
     */
    public SocketLimits fittedTo(int openFiles) {
        int fittedTotal = Math.max(1, Math.min(total, openFiles / 2));
        return new SocketLimits(Math.min(perUid, fittedTotal), fittedTotal, handshakeTimeout, idleTimeout);
    }
}
