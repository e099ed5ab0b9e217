package org.opensrc.inetd.control;

import java.util.concurrent.CompletableFuture;

/**
 * What the SRC requests need of the running super-server, and nothing more. {@code org.opensrc.inetd.Inetd} implements
 * it; {@link InetdSrcHandler} depends only on this, so the control package does not depend on the daemon's package.
 */
public interface InetdControl {
    /** Re-reads the file and applies the difference ({@code refresh -s inetd}). */
    CompletableFuture<ReloadReport> reload();

    /** Uncomments the service's lines and reloads ({@code startsrc -t NAME}). */
    CompletableFuture<SubserverChange> enable(String service);

    /** Comments out the service's lines and reloads ({@code stopsrc [-f] -t NAME}; forced: SIGKILL its servers). */
    CompletableFuture<SubserverChange> disable(String service, boolean killRunning);

    /** Logs every connection at INFO when on ({@code traceson} / {@code tracesoff}). */
    void setTrace(boolean on);

    /** Every service with its live counters ({@code lssrc -ls inetd}). */
    InetdSnapshot snapshot();
}
