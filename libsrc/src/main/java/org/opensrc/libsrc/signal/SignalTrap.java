package org.opensrc.libsrc.signal;

import java.lang.invoke.LambdaConversionException;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The one place that catches signals. Java has no supported API for SIGHUP, SIGUSR2 or a SIGTERM that does not end the
 * JVM; {@code sun.misc.Signal} (module jdk.unsupported, kept by the JDK for exactly this use) is that API. It is
 * reached through method handles, not named in the source, because javac's "internal proprietary API" warning cannot be
 * suppressed and the build treats every warning as an error. The handler is made as a lambda is (by the lambda
 * metafactory, whose classes every JVM here has loaded), not as a {@code java.lang.reflect.Proxy}, whose class
 * generator would be loaded for it alone (about 50 classes of an idle inetd). Handlers run on a JVM signal thread and
 * must only hand work over.
 */
public final class SignalTrap {

    private static final MethodHandle NEW_SIGNAL;
    private static final MethodHandle HANDLE;

    /** (Runnable) -> a sun.misc.SignalHandler whose handle(Signal) runs it. */
    private static final MethodHandle NEW_HANDLER;

    static {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            NEW_SIGNAL = lookup.findConstructor(signal, MethodType.methodType(void.class, String.class));
            HANDLE = lookup.findStatic(signal, "handle", MethodType.methodType(handler, signal, handler));
            MethodType handle = MethodType.methodType(void.class, signal);
            NEW_HANDLER =
                    LambdaMetafactory.metafactory(
                                    lookup,
                                    "handle",
                                    MethodType.methodType(handler, Runnable.class),
                                    handle,
                                    lookup.findStatic(
                                            SignalTrap.class,
                                            "deliver",
                                            MethodType.methodType(void.class, Runnable.class, Object.class)),
                                    handle)
                            .getTarget();
        } catch (ReflectiveOperationException | LambdaConversionException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SignalTrap() {}

    /**
     * Runs {@code action} on each delivery of {@code name} ("HUP", "TERM", "INT", "USR2").
     *
     * @throws IllegalArgumentException for a signal the JVM does not know or keeps for itself
     */
    public static void on(String name, Runnable action) {
        try {
            HANDLE.invoke(NEW_SIGNAL.invoke(name), NEW_HANDLER.invoke(action));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("SIG" + name + " could not be trapped", e);
        }
    }

    /** The handler's body: {@code signal} is the sun.misc.Signal delivered. */
    private static void deliver(Runnable action, Object signal) {
        action.run();
    }
}
