package org.opensrc.inetd.config;

import org.opensrc.libsrc.posix.Net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * The protocol field. {@code tcp}/{@code udp} mean IPv4 (as on AIX and FreeBSD); {@code tcp6}/{@code udp6} an IPv6-only
 * socket ({@code IPV6_V6ONLY} set); {@code tcp46}/{@code udp46} one IPv6 socket that also takes IPv4 (v4-mapped, {@code
 * IPV6_V6ONLY} cleared).
 */
public enum Protocol implements Net.Kind {
    TCP4(true, Family.V4),
    TCP6(true, Family.V6),
    TCP46(true, Family.DUAL),
    UDP4(false, Family.V4),
    UDP6(false, Family.V6),
    UDP46(false, Family.DUAL);

    /** Address family of the listening socket. */
    public enum Family {
        V4,
        V6,
        DUAL
    }

    private final boolean stream;
    private final Family family;

    Protocol(boolean stream, Family family) {
        this.stream = stream;
        this.family = family;
    }

    @Override
    public boolean isStream() {
        return stream;
    }

    /** IPv4 for tcp/udp, IPv6 for tcp6/udp6; tcp46/udp46 are IPv6 unless bound to an IPv4 address. */
    @Override
    public boolean isIpv6(InetAddress bind) {
        return switch (family) {
            case V4 -> false;
            case V6 -> true;
            case DUAL -> bind == null || bind instanceof Inet6Address;
        };
    }

    @Override
    public boolean isIpv6Only() {
        return family == Family.V6;
    }

    public Family family() {
        return family;
    }

    /** "tcp" or "udp": the protocol name used in the services file. */
    public String servicesProto() {
        return stream ? "tcp" : "udp";
    }

    public SocketType socketType() {
        return stream ? SocketType.STREAM : SocketType.DGRAM;
    }

    public String token() {
        return name().toLowerCase(Locale.ROOT).replace("tcp4", "tcp").replace("udp4", "udp");
    }

    public static Optional<Protocol> parse(String token) {
        return switch (token.toLowerCase(Locale.ROOT)) {
            case "tcp", "tcp4" -> Optional.of(TCP4);
            case "tcp6" -> Optional.of(TCP6);
            case "tcp46" -> Optional.of(TCP46);
            case "udp", "udp4" -> Optional.of(UDP4);
            case "udp6" -> Optional.of(UDP6);
            case "udp46" -> Optional.of(UDP46);
            default -> Optional.empty();
        };
    }
}
