package org.opensrc.libsrc.posix;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * An epoll instance with an eventfd to wake its waiter, the binding that {@link ExitWatcher} and inetd's event loop
 * share. Descriptors are watched for readability, each with a 64-bit datum that {@link #await} hands back; the wake-up
 * eventfd reports {@link #WAKE}. Only the waiting thread calls {@link #await} and {@link #clearWake}; {@link #wake} may
 * be called from any thread.
 */
public final class Epoll implements AutoCloseable {

    /** The datum {@link #await} reports when {@link #wake} was called. */
    public static final long WAKE = -1L;

    private static final int EPOLL_CLOEXEC = 02000000;
    private static final int EFD_CLOEXEC = 02000000;
    private static final int EFD_NONBLOCK = 04000;
    private static final int EPOLL_CTL_ADD = 1;
    private static final int EPOLL_CTL_DEL = 2;
    private static final int EPOLLIN = 1;
    private static final long EVENT_SIZE = 12; // packed {uint32 events; uint64 data} on x86_64

    private final int epollFd;
    private final int wakeFd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment events;
    private final int maxEvents;

    /** A new epoll instance that reports at most {@code maxEvents} descriptors per {@link #await}. */
    public Epoll(int maxEvents) {
        this.maxEvents = maxEvents;
        this.events = arena.allocate(EVENT_SIZE * maxEvents, 8);
        this.epollFd = check("epoll_create1", call(H.EPOLL_CREATE1, EPOLL_CLOEXEC));
        this.wakeFd = check("eventfd", call2(H.EVENTFD, 0, EFD_CLOEXEC | EFD_NONBLOCK));
        add(wakeFd, WAKE);
    }

    /** Watches {@code fd} for readability; {@link #await} reports it with {@code data}. */
    public void add(int fd, long data) {
        int errno = control(EPOLL_CTL_ADD, fd, data);
        if (errno != 0) {
            throw new PosixException("epoll_ctl(" + EPOLL_CTL_ADD + ", " + fd + ")", errno);
        }
    }

    /** Stops watching {@code fd}; 0, or the errno of a failed {@code epoll_ctl} for the caller to judge. */
    public int delete(int fd) {
        return control(EPOLL_CTL_DEL, fd, 0);
    }

    /**
     * Waits up to {@code timeoutMillis} (-1: for ever) until a watched descriptor is readable or {@link #wake} is
     * called; the count of events, read with {@link #data}. 0 when interrupted by a signal (EINTR).
     */
    public int await(int timeoutMillis) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(call);
            int n = (int) H.EPOLL_WAIT.invokeExact(cap, epollFd, events, maxEvents, timeoutMillis);
            if (n >= 0) {
                return n;
            }
            if (Libc.errno(cap) == Libc.EINTR) {
                return 0;
            }
            throw new PosixException("epoll_wait", Libc.errno(cap));
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** The datum of event {@code i} of the last {@link #await}. */
    public long data(int i) {
        return events.get(JAVA_LONG_UNALIGNED, i * EVENT_SIZE + 4);
    }

    /** Makes the waiter's {@link #await} return (now, or at once the next time). */
    public void wake() {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(call);
            MemorySegment one = call.allocate(JAVA_LONG);
            one.set(JAVA_LONG, 0, 1L);
            long r = (long) H.WRITE.invokeExact(cap, wakeFd, one, 8L);
            if (r != 8 && Libc.errno(cap) != Libc.EAGAIN) {
                throw new PosixException("write(eventfd)", Libc.errno(cap));
            }
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** Consumes the pending wake-ups, so {@link #await} waits again. */
    public void clearWake() {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(call);
            long ignored = (long) H.READ.invokeExact(cap, wakeFd, call.allocate(JAVA_LONG), 8L);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** Closes the epoll instance and the eventfd (the watched descriptors stay open). */
    @Override
    public void close() {
        Posix.close(wakeFd);
        Posix.close(epollFd);
        arena.close();
    }

    private int control(int op, int fd, long data) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(call);
            MemorySegment event = call.allocate(EVENT_SIZE, 8);
            event.set(JAVA_INT, 0, EPOLLIN);
            event.set(JAVA_LONG_UNALIGNED, 4, data);
            int r = (int) H.EPOLL_CTL.invokeExact(cap, epollFd, op, fd, event);
            return r == 0 ? 0 : Libc.errno(cap);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private static int call(MethodHandle handle, int arg) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            int r = (int) handle.invokeExact(cap, arg);
            return r >= 0 ? r : -Libc.errno(cap);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private static int call2(MethodHandle handle, int a, int b) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            int r = (int) handle.invokeExact(cap, a, b);
            return r >= 0 ? r : -Libc.errno(cap);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private static int check(String call, int fdOrMinusErrno) {
        if (fdOrMinusErrno < 0) {
            throw new PosixException(call, -fdOrMinusErrno);
        }
        return fdOrMinusErrno;
    }

    private static final class H {
        static final MethodHandle EPOLL_CREATE1 = Libc.errnoHandle("epoll_create1", Libc.INT_INT);
        static final MethodHandle EVENTFD =
                Libc.errnoHandle("eventfd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
        static final MethodHandle EPOLL_CTL =
                Libc.errnoHandle("epoll_ctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
        static final MethodHandle EPOLL_WAIT =
                Libc.errnoHandle("epoll_wait", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
        static final MethodHandle WRITE =
                Libc.errnoHandle("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
        static final MethodHandle READ =
                Libc.errnoHandle("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    }
}
