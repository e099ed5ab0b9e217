package org.opensrc.srcmstr.requests;

import org.opensrc.srcmstr.supervise.SrcMessage;

import java.util.Objects;

/**
 * A request refused as a whole, with the AIX message that says why. The wire edge turns {@link #why()} into its status
 * code; nothing else catches it.
 */
public final class Refused extends RuntimeException {

    /** The kind of refusal. */
    public enum Why {
        /** A flag or value is wrong (0513-007 …). */
        INVALID,
        /** The subsystem, group, pid or subserver does not exist. */
        NOT_FOUND,
        /** It exists but is not in a state for this (not running, no socket contact …). */
        PRECONDITION,
        /** The daemon did not answer within the reply timeout. */
        TIMEOUT,
        /** The daemon could not be reached (not attached, gone). */
        UNREACHABLE,
        /** srcmstr itself failed. */
        INTERNAL
    }

    private final Why why;
    private final SrcMessage message;

    public Refused(Why why, SrcMessage message) {
        super(message.code() + " " + message.args(), null, false, false);
        this.why = Objects.requireNonNull(why, "why");
        this.message = message;
    }

    public Why why() {
        return why;
    }

    public SrcMessage message() {
        return message;
    }
}
