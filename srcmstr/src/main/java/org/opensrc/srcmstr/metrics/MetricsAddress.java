package org.opensrc.srcmstr.metrics;

import java.net.InetAddress;
import java.util.Objects;

/**
 * Where {@code /metrics} listens ({@code metrics.listen} in srcmstr.conf): an IP address literal, exactly the one bound
 * (no name is looked up, no wildcard is implied), and a port.
 *
 * @param address the address to bind, as given
 * @param port 1 to 65535
 */
public record MetricsAddress(InetAddress address, int port) {

    public MetricsAddress {
        Objects.requireNonNull(address, "address");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not from 1 to 65535");
        }
    }

    /**
     * Reads {@code 127.0.0.1:9464}, {@code [::1]:9464} or {@code 0.0.0.0:9464}.
     *
     * @throws IllegalArgumentException naming what is wrong with {@code text}
     */
    public static MetricsAddress parse(String text) {
        String t = text.trim();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw new IllegalArgumentException("expected ADDRESS:PORT (as 127.0.0.1:9464 or [::1]:9464): '" + t + "'");
        }
        String host = t.substring(0, colon);
        String portText = t.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("an IPv6 address goes in brackets, as [::1]:9464: '" + t + "'");
        }
        InetAddress address;
        try {
            address = InetAddress.ofLiteral(host);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an IP address: '" + host + "' (a name is not looked up)");
        }
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port is not a number from 1 to 65535: '" + portText + "'");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port is not a number from 1 to 65535: '" + portText + "'");
        }
        return new MetricsAddress(address, port);
    }

    @Override
    public String toString() {
        String host = address.getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
