package org.opensrc.libsrc.posix;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** This process's limit on open file descriptors ({@code RLIMIT_NOFILE}). */
public final class FileLimit {

    private static final int RLIMIT_NOFILE = 7;

    private FileLimit() {}

    /**
     * Raises the soft limit to the hard limit (always allowed, costs nothing) and returns the resulting soft limit,
     * capped at {@link Integer#MAX_VALUE}.
     */
    public static int raiseSoftToHard() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            MemorySegment limits = arena.allocate(JAVA_LONG, 2);
            if ((int) H.GETRLIMIT.invokeExact(cap, RLIMIT_NOFILE, limits) != 0) {
                throw new PosixException("getrlimit(RLIMIT_NOFILE)", Libc.errno(cap));
            }
            long hard = limits.getAtIndex(JAVA_LONG, 1);
            if (limits.getAtIndex(JAVA_LONG, 0) != hard) {
                limits.setAtIndex(JAVA_LONG, 0, hard);
                if ((int) H.SETRLIMIT.invokeExact(cap, RLIMIT_NOFILE, limits) != 0) {
                    throw new PosixException("setrlimit(RLIMIT_NOFILE)", Libc.errno(cap));
                }
            }
            // RLIM_INFINITY is -1 as an unsigned 64-bit value
            return hard < 0 || hard > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) hard;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private static final class H {
        static final MethodHandle GETRLIMIT =
                Libc.errnoHandle("getrlimit", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
        static final MethodHandle SETRLIMIT =
                Libc.errnoHandle("setrlimit", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    }
}
