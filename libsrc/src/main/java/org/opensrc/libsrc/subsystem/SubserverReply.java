package org.opensrc.libsrc.subsystem;

import org.opensrc.proto.v1.SrcCode;
import org.opensrc.proto.v1.StatusRow;

import java.util.List;
import java.util.Objects;

/** A daemon's answer to a subserver request: an outcome, and rows for a status request. */
public record SubserverReply(Reply outcome, List<StatusRow> rows) {

    public SubserverReply {
        Objects.requireNonNull(outcome, "outcome");
        rows = List.copyOf(rows);
    }

    /** An outcome without rows (start, stop, trace). */
    public static SubserverReply of(Reply outcome) {
        return new SubserverReply(outcome, List.of());
    }

    /** The AIX message {@code 0513-<code>}, e.g. 124 "The %s subserver has been started." */
    public static SubserverReply of(SrcCode code, String... args) {
        return of(Reply.of(code, args));
    }

    /** A successful status answer. */
    public static SubserverReply rows(List<StatusRow> rows) {
        return new SubserverReply(Reply.ok(), rows);
    }

    /** {@code 0513-129}. */
    public static SubserverReply notSupported() {
        return of(Reply.notSupported());
    }
}
