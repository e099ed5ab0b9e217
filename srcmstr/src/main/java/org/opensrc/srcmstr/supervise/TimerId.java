package org.opensrc.srcmstr.supervise;

/** The timers the supervision core arms; arming an id that is armed replaces it. */
public sealed interface TimerId {

    /** SIGKILL the instance's tree: cancel stop, or escalation of a normal/forced stop. */
    record KillTimer(InstanceId instance) implements TimerId {}

    /** A back-off restart is due. */
    record RetryTimer(InstanceId instance) implements TimerId {}

    /** Shutdown grace is over: kill whatever remains. */
    record ShutdownTimer() implements TimerId {}
}
