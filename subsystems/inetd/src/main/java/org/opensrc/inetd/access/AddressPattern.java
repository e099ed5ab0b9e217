package org.opensrc.inetd.access;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An address or network: {@code 10.1.2.3}, {@code 10.0.0.0/8}, {@code 10.0.0.0/255.0.0.0}, {@code ::1}, {@code
 * fe80::/10}, {@code [2001:db8::]/32}, or the TCP-wrappers prefix form {@code 192.168.}.
 */
public record AddressPattern(byte[] network, int prefixLength) {
    public AddressPattern {
        Objects.requireNonNull(network);
        network = network.clone();
        if (network.length != 4 && network.length != 16) {
            throw new IllegalArgumentException("address must be 4 or 16 bytes");
        }
        if (prefixLength < 0 || prefixLength > network.length * 8) {
            throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
        }
    }

    @Override
    public byte[] network() {
        return network.clone();
    }

    /** Parses a pattern; empty when the text is not an address pattern (e.g. a host name). */
    public static Optional<AddressPattern> parse(String text) {
        String t = text.strip();
        if (t.matches("(\\d{1,3}\\.){1,3}")) {
            String[] parts = t.split("\\.");
            byte[] b = new byte[4];
            for (int i = 0; i < parts.length; i++) {
                int v = Integer.parseInt(parts[i]);
                if (v > 255) {
                    return Optional.empty();
                }
                b[i] = (byte) v;
            }
            return Optional.of(new AddressPattern(b, parts.length * 8));
        }
        String addr = t;
        String mask = null;
        int slash = t.indexOf('/');
        if (slash >= 0) {
            addr = t.substring(0, slash);
            mask = t.substring(slash + 1);
        }
        if (addr.startsWith("[") && addr.endsWith("]")) {
            addr = addr.substring(1, addr.length() - 1);
        }
        Optional<InetAddress> ip = literal(addr);
        if (ip.isEmpty()) {
            return Optional.empty();
        }
        byte[] b = ip.get().getAddress();
        int len = b.length * 8;
        if (mask != null) {
            if (mask.matches("\\d{1,3}")) {
                len = Integer.parseInt(mask);
            } else if (literal(mask).map(m -> m.getAddress().length == b.length).orElse(false)) {
                len = new BigInteger(1, literal(mask).get().getAddress()).bitCount();
            } else {
                return Optional.empty();
            }
            if (len > b.length * 8) {
                return Optional.empty();
            }
        }
        return Optional.of(new AddressPattern(b, len));
    }

    private static Optional<InetAddress> literal(String s) {
        if (!(s.matches("[0-9.]+") && s.chars().filter(c -> c == '.').count() == 3) && !s.contains(":")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.ofLiteral(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True when {@code address} lies in this network (IPv4 never matches an IPv6 pattern and back). */
    public boolean matches(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int m = (0xff << (8 - rest)) & 0xff;
        return (a[full] & m) == (network[full] & m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressPattern p && prefixLength == p.prefixLength && Arrays.equals(network, p.network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefixLength;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
