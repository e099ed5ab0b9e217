package org.opensrc.srcmstr.supervise;

/**
 * The operating-system side of supervision, driven by {@link SupervisionLoop} on its own thread. {@code
 * RealProcessControl} is the production one; tests use a fake.
 */
public interface ProcessControl {

    /** Starts the subsystem in a new session; synchronous, failures are values. */
    SpawnOutcome spawn(SpawnOrder order);

    /** Sends the named signal ("SIGTERM") to one process; a process already gone is no error. */
    void signal(long pid, String signalName);

    /** SIGKILLs every process of the tree of {@code pid} and of session {@code sessionId}, and its group. */
    void killTree(long pid, long sessionId);

    /** Reports the end of {@code pid} once to {@code listener} (at once if it is already gone). */
    void watch(long pid, DeathListener listener);
}
