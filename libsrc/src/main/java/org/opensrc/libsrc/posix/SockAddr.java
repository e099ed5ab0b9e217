package org.opensrc.libsrc.posix;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** struct sockaddr_in / sockaddr_in6 encoding. Package-private glue. */
final class SockAddr {
    static final int STORAGE = 128;

    private SockAddr() {}

    /** Encodes {@code address}; for an IPv6 socket an IPv4 address becomes v4-mapped. */
    static MemorySegment encode(Arena arena, InetSocketAddress address, boolean v6Socket) {
        InetAddress ip = address.getAddress();
        int port = address.getPort();
        MemorySegment s = arena.allocate(STORAGE);
        s.set(JAVA_BYTE, 2, (byte) (port >>> 8));
        s.set(JAVA_BYTE, 3, (byte) port);
        if (!v6Socket) {
            s.set(JAVA_SHORT, 0, (short) Net.AF_INET);
            MemorySegment.copy(MemorySegment.ofArray(ip.getAddress()), 0, s, 4, 4);
            return s.asSlice(0, 16);
        }
        byte[] b16 = new byte[16];
        if (ip instanceof Inet4Address v4) {
            b16[10] = (byte) 0xff;
            b16[11] = (byte) 0xff;
            System.arraycopy(v4.getAddress(), 0, b16, 12, 4);
        } else {
            b16 = ip.getAddress();
            if (ip instanceof Inet6Address v6) {
                s.set(JAVA_INT, 24, v6.getScopeId());
            }
        }
        s.set(JAVA_SHORT, 0, (short) Net.AF_INET6);
        MemorySegment.copy(MemorySegment.ofArray(b16), 0, s, 8, 16);
        return s.asSlice(0, 28);
    }

    static InetSocketAddress decode(MemorySegment s) {
        int family = s.get(JAVA_SHORT, 0);
        int port = ((s.get(JAVA_BYTE, 2) & 0xff) << 8) | (s.get(JAVA_BYTE, 3) & 0xff);
        try {
            if (family == Net.AF_INET) {
                return new InetSocketAddress(InetAddress.getByAddress(s.asSlice(4, 4).toArray(JAVA_BYTE)), port);
            }
            if (family == Net.AF_INET6) {
                // getByAddress turns a v4-mapped address into an Inet4Address, which is what callers want
                return new InetSocketAddress(InetAddress.getByAddress(s.asSlice(8, 16).toArray(JAVA_BYTE)), port);
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("unexpected address family " + family);
    }
}
