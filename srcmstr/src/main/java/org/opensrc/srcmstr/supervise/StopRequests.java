package org.opensrc.srcmstr.supervise;

/** Sends a STOP request over the subsystem API to an attached process; must not block. */
@FunctionalInterface
public interface StopRequests {

    void send(long pid, boolean forced);
}
