package org.opensrc.libsrc.posix;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * A system call failed in a way the caller did not expect (a programmer error or a broken system), for example {@code
 * epoll_create1} or {@code waitpid} with EINVAL. Expected outcomes such as "no such process" are values, not this
 * exception; a subtype says when a failure is an outcome its caller expects ({@link NetException}).
 */
public class PosixException extends RuntimeException {

    private final String call;
    private final int errno;

    public PosixException(String call, int errno) {
        super(call + ": " + strerror(errno) + " (errno " + errno + ")");
        this.call = call;
        this.errno = errno;
    }

    /** The failed call, e.g. {@code "epoll_ctl"}. */
    public String call() {
        return call;
    }

    /** The C errno value. */
    public int errno() {
        return errno;
    }

    /** The C library's text for {@code errno}, e.g. "No such file or directory". */
    public static String strerror(int errno) {
        try {
            return Libc.string((MemorySegment) Strerror.HANDLE.invokeExact(errno));
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private static final class Strerror {
        static final MethodHandle HANDLE = Libc.handle("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    }
}
