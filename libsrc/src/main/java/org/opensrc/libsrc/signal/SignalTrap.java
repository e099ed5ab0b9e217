package org.opensrc.libsrc.signal;

import sun.misc.Signal;

/**
 * The one place that touches {@code sun.misc.Signal} (module jdk.unsupported): Java has no supported way to
 * catch SIGHUP or SIGTERM. Handlers run on a JVM signal thread and must only hand work over.
 */
public final class SignalTrap {
    private SignalTrap() {}

    /** Runs {@code action} on each delivery of {@code name} ("HUP", "TERM", "INT", "USR2"). */
    public static void on(String name, Runnable action) {
        Signal.handle(new Signal(name), s -> action.run());
    }
}
