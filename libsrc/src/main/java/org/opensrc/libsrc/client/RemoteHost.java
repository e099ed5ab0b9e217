package org.opensrc.libsrc.client;

import java.util.Arrays;
import java.util.List;

/**
 * Where a command sends a request given {@code -h}: a host name or address and the TCP port of its {@code srcmstr -r}
 * ({@value #DEFAULT_PORT} unless given as {@code host:port}; an IPv6 address with a port is written {@code
 * [addr]:port}).
 */
public record RemoteHost(String host, int port) {

    /** The default TCP port of srcmstr's remote listener. */
    public static final int DEFAULT_PORT = 20200;

    public RemoteHost {
        if (host.isEmpty()) {
            throw new IllegalArgumentException("empty host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /**
     * Reads {@code host}, {@code host:port}, {@code [v6]:port} or a bare IPv6 address.
     *
     * @throws IllegalArgumentException when the port is not a number from 1 to 65535
     */
    public static RemoteHost parse(String text) {
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("bad host: " + text);
            }
            String rest = text.substring(close + 1);
            String host = text.substring(1, close);
            if (rest.isEmpty()) {
                return new RemoteHost(host, DEFAULT_PORT);
            }
            if (!rest.startsWith(":")) {
                throw new IllegalArgumentException("bad host: " + text);
            }
            return new RemoteHost(host, port(rest.substring(1), text));
        }
        int colon = text.indexOf(':');
        if (colon < 0 || text.indexOf(':', colon + 1) >= 0) {
            return new RemoteHost(text, DEFAULT_PORT); // a name, or a bare IPv6 address
        }
        return new RemoteHost(text.substring(0, colon), port(text.substring(colon + 1), text));
    }

    /** The hosts of one {@code -h} value: names separated by blanks and/or commas. */
    public static List<String> split(String value) {
        return Arrays.stream(value.split("[\\s,]+")).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static int port(String digits, String text) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in " + text, e);
        }
    }
}
