package org.opensrc.libsrc.posix;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Sockets as plain file descriptors, through the FFM API, so a super-server owns them and can hand them to children.
 * Every descriptor is created close-on-exec; children get theirs by explicit dup2. A failed call the caller must expect
 * (a busy port, a reset peer) is a {@link NetException}.
 */
public final class Net {
    static final int AF_INET = 2, AF_INET6 = 10;
    private static final int AF_UNIX = 1, SUN_PATH = 108, SHUT_RDWR = 2, ENAMETOOLONG = 36, EISCONN = 106;
    private static final int SOCK_STREAM = 1, SOCK_DGRAM = 2, SOCK_NONBLOCK = 0x800, SOCK_CLOEXEC = 0x80000;
    private static final int SOL_SOCKET = 1, SO_REUSEADDR = 2, SO_RCVTIMEO = 20, SO_SNDTIMEO = 21;
    private static final int IPPROTO_IPV6 = 41, IPV6_V6ONLY = 26;
    private static final int F_GETFL = 3, F_SETFL = 4, O_NONBLOCK = 0x800;
    private static final int EBADF = 9, ECONNABORTED = 103;
    private static final int MSG_DONTWAIT = 0x40;

    /** What socket to open: a stream or datagram one, of which address family. */
    public interface Kind {
        boolean isStream();

        /** Whether the socket is IPv6 when bound to {@code bind} (null: the wildcard). */
        boolean isIpv6(InetAddress bind);

        /** For an IPv6 socket: whether it refuses IPv4 ({@code IPV6_V6ONLY} set, else cleared). */
        boolean isIpv6Only();
    }

    private Net() {}

    /**
     * Opens a listening socket (stream) or a bound datagram socket of {@code kind} on {@code bind} (null = the wildcard
     * of its family). SO_REUSEADDR is set; IPV6_V6ONLY is set or cleared as {@code kind} says. The socket is
     * non-blocking.
     */
    public static int open(Kind kind, InetAddress bind, int port, int backlog) throws NetException {
        boolean v6 = kind.isIpv6(bind);
        int type = (kind.isStream() ? SOCK_STREAM : SOCK_DGRAM) | SOCK_CLOEXEC | SOCK_NONBLOCK;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            int fd = (int) H.SOCKET.invokeExact(cap, v6 ? AF_INET6 : AF_INET, type, 0);
            if (fd < 0) {
                throw new NetException("socket", Libc.errno(cap));
            }
            try {
                setInt(arena, fd, SOL_SOCKET, SO_REUSEADDR, 1);
                if (v6) {
                    setInt(arena, fd, IPPROTO_IPV6, IPV6_V6ONLY, kind.isIpv6Only() ? 1 : 0);
                }
                InetAddress ip = bind != null ? bind : InetAddress.getByAddress(v6 ? new byte[16] : new byte[4]);
                MemorySegment sa = SockAddr.encode(arena, new InetSocketAddress(ip, port), v6);
                if ((int) H.BIND.invokeExact(cap, fd, sa, (int) sa.byteSize()) < 0) {
                    throw new NetException("bind", Libc.errno(cap));
                }
                if (kind.isStream() && (int) H.LISTEN.invokeExact(cap, fd, backlog) < 0) {
                    throw new NetException("listen", Libc.errno(cap));
                }
                return fd;
            } catch (RuntimeException e) {
                close(fd);
                throw e;
            } catch (UnknownHostException e) {
                close(fd);
                throw new IllegalStateException(e);
            }
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private static void setInt(Arena arena, int fd, int level, int option, int value) throws Throwable {
        MemorySegment cap = Libc.capture(arena);
        MemorySegment v = arena.allocate(JAVA_INT);
        v.set(JAVA_INT, 0, value);
        if ((int) H.SETSOCKOPT.invokeExact(cap, fd, level, option, v, 4) < 0) {
            throw new NetException("setsockopt(" + option + ")", Libc.errno(cap));
        }
    }

    /** Accepts one connection (close-on-exec, blocking); empty when none is pending. */
    public static Optional<Integer> accept(int listenFd) throws NetException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            int fd = (int) H.ACCEPT4.invokeExact(cap, listenFd, MemorySegment.NULL, MemorySegment.NULL, SOCK_CLOEXEC);
            if (fd >= 0) {
                return Optional.of(fd);
            }
            int errno = Libc.errno(cap);
            if (errno == Libc.EAGAIN || errno == Libc.EINTR || errno == ECONNABORTED) {
                return Optional.empty();
            }
            throw new NetException("accept4", errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** Closes {@code fd}; errors other than EBADF are ignored as close(2) recommends (the fd is gone). */
    public static void close(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            if ((int) H.CLOSE.invokeExact(cap, fd) < 0 && Libc.errno(cap) == EBADF) {
                throw new IllegalStateException("close of a descriptor that is not open: " + fd);
            }
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** Sets or clears O_NONBLOCK (a wait child gets its listening socket blocking). */
    public static void setBlocking(int fd, boolean blocking) throws NetException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            int flags = (int) H.FCNTL.invokeExact(cap, fd, F_GETFL, 0);
            if (flags < 0) {
                throw new NetException("fcntl(F_GETFL)", Libc.errno(cap));
            }
            int next = blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK;
            if ((int) H.FCNTL.invokeExact(cap, fd, F_SETFL, next) < 0) {
                throw new NetException("fcntl(F_SETFL)", Libc.errno(cap));
            }
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** Bounds blocking reads and writes on {@code fd} (SO_RCVTIMEO and SO_SNDTIMEO). */
    public static void setTimeouts(int fd, Duration timeout) throws NetException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            MemorySegment tv = arena.allocate(16);
            tv.set(JAVA_LONG, 0, timeout.toSeconds());
            tv.set(JAVA_LONG, 8, timeout.toMillisPart() * 1000L);
            for (int opt : new int[] {SO_RCVTIMEO, SO_SNDTIMEO}) {
                if ((int) H.SETSOCKOPT.invokeExact(cap, fd, SOL_SOCKET, opt, tv, 16) < 0) {
                    throw new NetException("setsockopt(timeout)", Libc.errno(cap));
                }
            }
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** The remote address of a connected socket. */
    public static InetSocketAddress peer(int fd) throws NetException {
        return name(fd, H.GETPEERNAME, "getpeername");
    }

    /** The local address of a socket (to learn the port after binding port 0). */
    public static InetSocketAddress local(int fd) throws NetException {
        return name(fd, H.GETSOCKNAME, "getsockname");
    }

    private static InetSocketAddress name(int fd, MethodHandle call, String what) throws NetException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            MemorySegment sa = arena.allocate(SockAddr.STORAGE);
            MemorySegment len = arena.allocate(JAVA_INT);
            len.set(JAVA_INT, 0, SockAddr.STORAGE);
            if ((int) call.invokeExact(cap, fd, sa, len) < 0) {
                throw new NetException(what, Libc.errno(cap));
            }
            return SockAddr.decode(sa);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /**
     * A blocking, close-on-exec stream socket connected to the Unix socket at {@code path}. A full listen queue makes
     * connect(2) wait for room; it waits at most {@code within} (the socket's send timeout, cleared once connected),
     * then fails with EAGAIN.
     */
    static int connectLocal(Path path, Duration within) throws NetException {
        byte[] name = path.toString().getBytes(StandardCharsets.UTF_8);
        if (name.length >= SUN_PATH) {
            throw new NetException("connect", ENAMETOOLONG);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            int fd = (int) H.SOCKET.invokeExact(cap, AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
            if (fd < 0) {
                throw new NetException("socket", Libc.errno(cap));
            }
            try {
                setTimeouts(fd, within.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : within);
                MemorySegment address = arena.allocate(2L + SUN_PATH); // struct sockaddr_un, zeroed
                address.set(JAVA_SHORT, 0, (short) AF_UNIX);
                MemorySegment.copy(name, 0, address, JAVA_BYTE, 2, name.length);
                int length = 2 + name.length + 1;
                boolean interrupted = false;
                while ((int) H.CONNECT.invokeExact(cap, fd, address, length) < 0) {
                    int errno = Libc.errno(cap);
                    if (errno == Libc.EINTR) {
                        interrupted = true; // the connecting goes on: the next connect(2) says how it ended
                    } else if (errno == EISCONN && interrupted) {
                        break;
                    } else {
                        throw new NetException("connect", errno);
                    }
                }
                setTimeouts(fd, Duration.ZERO);
                return fd;
            } catch (Throwable t) {
                close(fd);
                throw t;
            }
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** Shuts both directions of {@code fd} down: a read or write blocked on it returns. Errors are ignored. */
    static void shutdown(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            int ignored = (int) H.SHUTDOWN.invokeExact(Libc.capture(arena), fd, SHUT_RDWR);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** Reads up to {@code len} bytes; returns the count, 0 at end of stream. */
    public static int read(int fd, byte[] buf, int len) throws NetException {
        return read(fd, buf, 0, len);
    }

    /** Reads up to {@code len} bytes into {@code buf} from {@code off}; returns the count, 0 at end of stream. */
    static int read(int fd, byte[] buf, int off, int len) throws NetException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            MemorySegment m = arena.allocate(Math.max(1, len));
            long n;
            do {
                n = (long) H.READ.invokeExact(cap, fd, m, (long) len);
            } while (n < 0 && Libc.errno(cap) == Libc.EINTR);
            if (n < 0) {
                throw new NetException("read", Libc.errno(cap));
            }
            MemorySegment.copy(m, JAVA_BYTE, 0, buf, off, (int) n);
            return (int) n;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** Writes all {@code len} bytes (blocking socket). */
    public static void write(int fd, byte[] buf, int len) throws NetException {
        write(fd, buf, 0, len);
    }

    /** Writes all {@code len} bytes of {@code buf} from {@code off} (blocking socket). */
    static void write(int fd, byte[] buf, int off, int len) throws NetException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            MemorySegment m = arena.allocate(Math.max(1, len));
            MemorySegment.copy(buf, off, m, JAVA_BYTE, 0, len);
            long written = 0;
            while (written < len) {
                long n = (long) H.WRITE.invokeExact(cap, fd, m.asSlice(written), (long) len - written);
                if (n < 0) {
                    if (Libc.errno(cap) == Libc.EINTR) {
                        continue;
                    }
                    throw new NetException("write", Libc.errno(cap));
                }
                written += n;
            }
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** One received datagram: its bytes and its sender. */
    public record Datagram(byte[] data, InetSocketAddress sender) {}

    /** Receives one datagram without blocking; empty when none is queued. */
    public static Optional<Datagram> receive(int fd, int maxLen) throws NetException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            MemorySegment m = arena.allocate(maxLen);
            MemorySegment sa = arena.allocate(SockAddr.STORAGE);
            MemorySegment len = arena.allocate(JAVA_INT);
            len.set(JAVA_INT, 0, SockAddr.STORAGE);
            long n = (long) H.RECVFROM.invokeExact(cap, fd, m, (long) maxLen, MSG_DONTWAIT, sa, len);
            if (n < 0) {
                int errno = Libc.errno(cap);
                if (errno == Libc.EAGAIN || errno == Libc.EINTR) {
                    return Optional.empty();
                }
                throw new NetException("recvfrom", errno);
            }
            return Optional.of(new Datagram(m.asSlice(0, n).toArray(JAVA_BYTE), SockAddr.decode(sa)));
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** Sends one datagram without blocking; false when the socket buffer is full (the reply is dropped). */
    public static boolean send(int fd, byte[] data, InetSocketAddress to) throws NetException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            boolean v6 = local(fd).getAddress() instanceof Inet6Address;
            MemorySegment sa = SockAddr.encode(arena, to, v6);
            MemorySegment m = arena.allocate(Math.max(1, data.length));
            MemorySegment.copy(data, 0, m, JAVA_BYTE, 0, data.length);
            long n = (long) H.SENDTO.invokeExact(cap, fd, m, (long) data.length, MSG_DONTWAIT, sa, (int) sa.byteSize());
            if (n < 0) {
                int errno = Libc.errno(cap);
                if (errno == Libc.EAGAIN || errno == Libc.EINTR) {
                    return false;
                }
                throw new NetException("sendto", errno);
            }
            return true;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private static final class H {
        static final MethodHandle SOCKET =
                Libc.errnoHandle("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
        static final MethodHandle SETSOCKOPT =
                Libc.errnoHandle(
                        "setsockopt", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle BIND =
                Libc.errnoHandle("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle CONNECT =
                Libc.errnoHandle("connect", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle SHUTDOWN =
                Libc.errnoHandle("shutdown", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
        static final MethodHandle LISTEN =
                Libc.errnoHandle("listen", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
        static final MethodHandle ACCEPT4 =
                Libc.errnoHandle("accept4", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
        static final MethodHandle CLOSE = Libc.errnoHandle("close", Libc.INT_INT);
        static final MethodHandle READ =
                Libc.errnoHandle("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
        static final MethodHandle WRITE =
                Libc.errnoHandle("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
        static final MethodHandle RECVFROM =
                Libc.errnoHandle(
                        "recvfrom",
                        FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS));
        static final MethodHandle SENDTO =
                Libc.errnoHandle(
                        "sendto",
                        FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle GETPEERNAME =
                Libc.errnoHandle("getpeername", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
        static final MethodHandle GETSOCKNAME =
                Libc.errnoHandle("getsockname", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
        static final MethodHandle FCNTL =
                Libc.errnoHandle(
                        "fcntl",
                        FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT),
                        Linker.Option.firstVariadicArg(2));
    }
}
