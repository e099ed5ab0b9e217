package org.opensrc.libsrc.subsystem;

import org.opensrc.proto.v1.ServiceCounters;
import org.opensrc.proto.v1.StatusRow;
import org.opensrc.proto.v1.SubserverCommand;

import java.util.List;

/**
 * What an SRC-aware daemon does when srcmstr forwards an operator's request. Every method has a default; the defaults
 * answer {@code 0513-129} ("does not support the requested action"), except {@link #stop}, which accepts.
 *
 * <p>Methods run on SDK threads, possibly several at once, and should answer well within srcmstr's reply timeout (60 s
 * by default, else the operator sees {@code 0513-056}). A method that throws {@link UnsupportedOperationException}
 * answers {@code 0513-129}; any other exception answers {@code 0513-087}; the connection stays up either way.
 */
public interface SrcHandler {

    /**
     * {@code stopsrc} (normal) or {@code stopsrc -f} (forced). After this returns, the SDK sends the reply and releases
     * {@link SrcConnection#awaitStop()}; the daemon is then expected to exit (at once when forced).
     */
    default Reply stop(boolean forced) {
        return Reply.ok();
    }

    /** {@code lssrc -l -s}: the daemon's rows; srcmstr prepends the short-status lines. */
    default List<StatusRow> longStatus() {
        throw new UnsupportedOperationException("long status");
    }

    /** A short status request reaching the daemon (rare: srcmstr answers those itself). */
    default List<StatusRow> shortStatus() {
        return List.of();
    }

    /** {@code refresh}: typically re-read the configuration. */
    default Reply refresh() {
        return Reply.notSupported();
    }

    /** {@code traceson [-l]} / {@code tracesoff}. */
    default Reply trace(boolean on, boolean longTrace) {
        return Reply.notSupported();
    }

    /** {@code startsrc -t}, {@code stopsrc -t}, {@code lssrc -t}, {@code traceson -t}. */
    default SubserverReply subserver(SubserverCommand command) {
        return SubserverReply.notSupported();
    }

    /**
     * Beyond AIX: the live counters of each service a super-server runs, which srcmstr exports on its {@code /metrics}
     * when Prometheus scrapes it. Asked with a deadline of a second: answer from state already at hand. The default
     * answers {@code 0513-129}: the daemon has no service figures to export.
     */
    default List<ServiceCounters> serviceCounters() {
        throw new UnsupportedOperationException("service counters");
    }
}
