package org.opensrc.inetd.net;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.opensrc.inetd.config.Protocol;

/**
 * Sockets as plain file descriptors, through the FFM API, so inetd owns them and can hand them to children.
 * Every descriptor is created close-on-exec; children get theirs by explicit dup2.
 */
public final class Net {
    private Net() {}

    /**
     * Opens a listening socket (stream) or a bound datagram socket for {@code protocol} on {@code bind}
     * (null = the wildcard of the protocol's family). SO_REUSEADDR is set; IPV6_V6ONLY is set for
     * tcp6/udp6 and cleared for tcp46/udp46. The socket is non-blocking.
     */
    public static int open(Protocol protocol, InetAddress bind, int port, int backlog) throws NetException {
        boolean v6 = switch (protocol.family()) {
            case V4 -> false;
            case V6 -> true;
            case DUAL -> bind == null || bind instanceof java.net.Inet6Address;
        };
        int type = (protocol.isStream() ? Libc.SOCK_STREAM : Libc.SOCK_DGRAM) | Libc.SOCK_CLOEXEC
                | Libc.SOCK_NONBLOCK;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            int fd = (int) Libc.SOCKET.invokeExact(cap, v6 ? Libc.AF_INET6 : Libc.AF_INET, type, 0);
            if (fd < 0) {
                throw new NetException("socket", Libc.errno(cap));
            }
            try {
                setInt(arena, fd, Libc.SOL_SOCKET, Libc.SO_REUSEADDR, 1);
                if (v6) {
                    setInt(arena, fd, Libc.IPPROTO_IPV6, Libc.IPV6_V6ONLY,
                            protocol.family() == Protocol.Family.V6 ? 1 : 0);
                }
                InetAddress ip = bind != null ? bind
                        : InetAddress.getByAddress(v6 ? new byte[16] : new byte[4]);
                MemorySegment sa = SockAddr.encode(arena, new InetSocketAddress(ip, port), v6);
                if ((int) Libc.BIND.invokeExact(cap, fd, sa, (int) sa.byteSize()) < 0) {
                    throw new NetException("bind", Libc.errno(cap));
                }
                if (protocol.isStream() && (int) Libc.LISTEN.invokeExact(cap, fd, backlog) < 0) {
                    throw new NetException("listen", Libc.errno(cap));
                }
                return fd;
            } catch (NetException | RuntimeException e) {
                close(fd);
                throw e;
            } catch (java.net.UnknownHostException e) {
                close(fd);
                throw new IllegalStateException(e);
            }
        } catch (NetException | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static void setInt(Arena arena, int fd, int level, int option, int value) throws Throwable {
        MemorySegment cap = Libc.capture(arena);
        MemorySegment v = arena.allocate(JAVA_INT);
        v.set(JAVA_INT, 0, value);
        if ((int) Libc.SETSOCKOPT.invokeExact(cap, fd, level, option, v, 4) < 0) {
            throw new NetException("setsockopt(" + option + ")", Libc.errno(cap));
        }
    }

    /** Accepts one connection (close-on-exec, blocking); empty when none is pending. */
    public static Optional<Integer> accept(int listenFd) throws NetException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            int fd = (int) Libc.ACCEPT4.invokeExact(cap, listenFd, MemorySegment.NULL, MemorySegment.NULL,
                    Libc.SOCK_CLOEXEC);
            if (fd >= 0) {
                return Optional.of(fd);
            }
            int errno = Libc.errno(cap);
            if (errno == Libc.EAGAIN || errno == Libc.EINTR || errno == 103 /* ECONNABORTED */) {
                return Optional.empty();
            }
            throw new NetException("accept4", errno);
        } catch (NetException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Closes {@code fd}; errors other than EBADF are ignored as close(2) recommends (the fd is gone). */
    public static void close(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            if ((int) Libc.CLOSE.invokeExact(cap, fd) < 0 && Libc.errno(cap) == 9) {
                throw new IllegalStateException("close of a descriptor that is not open: " + fd);
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Sets or clears O_NONBLOCK (a wait child gets its listening socket blocking). */
    public static void setBlocking(int fd, boolean blocking) throws NetException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            int flags = (int) Libc.FCNTL.invokeExact(cap, fd, Libc.F_GETFL, 0);
            if (flags < 0) {
                throw new NetException("fcntl(F_GETFL)", Libc.errno(cap));
            }
            int next = blocking ? flags & ~Libc.O_NONBLOCK : flags | Libc.O_NONBLOCK;
            if ((int) Libc.FCNTL.invokeExact(cap, fd, Libc.F_SETFL, next) < 0) {
                throw new NetException("fcntl(F_SETFL)", Libc.errno(cap));
            }
        } catch (NetException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Bounds blocking reads and writes on {@code fd} (SO_RCVTIMEO and SO_SNDTIMEO). */
    public static void setTimeouts(int fd, Duration timeout) throws NetException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            MemorySegment tv = arena.allocate(16);
            tv.set(java.lang.foreign.ValueLayout.JAVA_LONG, 0, timeout.toSeconds());
            tv.set(java.lang.foreign.ValueLayout.JAVA_LONG, 8, timeout.toMillisPart() * 1000L);
            for (int opt : new int[] {Libc.SO_RCVTIMEO, Libc.SO_SNDTIMEO}) {
                if ((int) Libc.SETSOCKOPT.invokeExact(cap, fd, Libc.SOL_SOCKET, opt, tv, 16) < 0) {
                    throw new NetException("setsockopt(timeout)", Libc.errno(cap));
                }
            }
        } catch (NetException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The remote address of a connected socket. */
    public static InetSocketAddress peer(int fd) throws NetException {
        return name(fd, Libc.GETPEERNAME, "getpeername");
    }

    /** The local address of a socket (to learn the port after binding port 0). */
    public static InetSocketAddress local(int fd) throws NetException {
        return name(fd, Libc.GETSOCKNAME, "getsockname");
    }

    private static InetSocketAddress name(int fd, java.lang.invoke.MethodHandle call, String what)
            throws NetException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            MemorySegment sa = arena.allocate(SockAddr.STORAGE);
            MemorySegment len = arena.allocate(JAVA_INT);
            len.set(JAVA_INT, 0, SockAddr.STORAGE);
            if ((int) call.invokeExact(cap, fd, sa, len) < 0) {
                throw new NetException(what, Libc.errno(cap));
            }
            return SockAddr.decode(sa);
        } catch (NetException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Reads up to {@code len} bytes; returns the count, 0 at end of stream. */
    public static int read(int fd, byte[] buf, int len) throws NetException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            MemorySegment m = arena.allocate(Math.max(1, len));
            long n;
            do {
                n = (long) Libc.READ.invokeExact(cap, fd, m, (long) len);
            } while (n < 0 && Libc.errno(cap) == Libc.EINTR);
            if (n < 0) {
                throw new NetException("read", Libc.errno(cap));
            }
            MemorySegment.copy(m, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, buf, 0, (int) n);
            return (int) n;
        } catch (NetException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Writes all {@code len} bytes (blocking socket). */
    public static void write(int fd, byte[] buf, int len) throws NetException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            MemorySegment m = arena.allocate(Math.max(1, len));
            MemorySegment.copy(buf, 0, m, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, len);
            long off = 0;
            while (off < len) {
                long n = (long) Libc.WRITE.invokeExact(cap, fd, m.asSlice(off), (long) len - off);
                if (n < 0) {
                    if (Libc.errno(cap) == Libc.EINTR) {
                        continue;
                    }
                    throw new NetException("write", Libc.errno(cap));
                }
                off += n;
            }
        } catch (NetException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
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
            long n = (long) Libc.RECVFROM.invokeExact(cap, fd, m, (long) maxLen, Libc.MSG_DONTWAIT, sa, len);
            if (n < 0) {
                int errno = Libc.errno(cap);
                if (errno == Libc.EAGAIN || errno == Libc.EINTR) {
                    return Optional.empty();
                }
                throw new NetException("recvfrom", errno);
            }
            return Optional.of(new Datagram(m.asSlice(0, n).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE),
                    SockAddr.decode(sa)));
        } catch (NetException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Sends one datagram without blocking; false when the socket buffer is full (the reply is dropped). */
    public static boolean send(int fd, byte[] data, InetSocketAddress to) throws NetException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            boolean v6 = local(fd).getAddress() instanceof java.net.Inet6Address;
            MemorySegment sa = SockAddr.encode(arena, to, v6);
            MemorySegment m = arena.allocate(Math.max(1, data.length));
            MemorySegment.copy(data, 0, m, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, data.length);
            long n = (long) Libc.SENDTO.invokeExact(cap, fd, m, (long) data.length, Libc.MSG_DONTWAIT, sa,
                    (int) sa.byteSize());
            if (n < 0) {
                int errno = Libc.errno(cap);
                if (errno == Libc.EAGAIN || errno == Libc.EINTR) {
                    return false;
                }
                throw new NetException("sendto", errno);
            }
            return true;
        } catch (NetException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
