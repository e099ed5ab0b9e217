package org.opensrc.srcmstr.logging;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where srcmstr's log is also sent by syslog ({@code log.syslog=HOST[:PORT]} and {@code log.syslog.facility} in
 * srcmstr.conf): RFC 3164 messages over UDP.
 *
 * @param host a name or an IP address literal (an IPv6 one without its brackets)
 * @param port 1 to 65535, 514 unless given
 * @param facility a syslog facility name in lower case, as {@code daemon} or {@code local0}
 */
public record SyslogTarget(String host, int port, String facility) {

    public static final int PORT = 514;

    public static final String FACILITY = "daemon";

    /** The facilities Logback's SyslogAppender knows, by their syslog names. */
    static final List<String> FACILITIES =
            List.of(
                    "kern",
                    "user",
                    "mail",
                    "daemon",
                    "auth",
                    "syslog",
                    "lpr",
                    "news",
                    "uucp",
                    "cron",
                    "authpriv",
                    "ftp",
                    "ntp",
                    "audit",
                    "alert",
                    "clock",
                    "local0",
                    "local1",
                    "local2",
                    "local3",
                    "local4",
                    "local5",
                    "local6",
                    "local7");

    public SyslogTarget {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("empty host");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not from 1 to 65535");
        }
        if (!FACILITIES.contains(facility)) {
            throw new IllegalArgumentException("unknown facility '" + facility + "'");
        }
    }

    /**
     * Reads {@code loghost}, {@code 192.0.2.7:5514} or {@code [2001:db8::7]:514}.
     *
     * @param facility as {@link #facility(String)} returns it
     * @throws IllegalArgumentException naming what is wrong with {@code text}
     */
    public static SyslogTarget parse(String text, String facility) {
        String t = text.trim();
        String host = t;
        String portText = null;
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("expected HOST[:PORT] (as loghost or [::1]:514): '" + t + "'");
            }
            host = t.substring(1, close);
            String rest = t.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("expected HOST[:PORT] (as loghost or [::1]:514): '" + t + "'");
                }
                portText = rest.substring(1);
            }
        } else if (t.indexOf(':') != t.lastIndexOf(':')) {
            throw new IllegalArgumentException("an IPv6 address goes in brackets, as [::1]:514: '" + t + "'");
        } else if (t.contains(":")) {
            host = t.substring(0, t.indexOf(':'));
            portText = t.substring(t.indexOf(':') + 1);
        }
        if (host.isEmpty() || !host.matches("[A-Za-z0-9.:_-]+")) {
            throw new IllegalArgumentException("expected HOST[:PORT] (as loghost or [::1]:514): '" + t + "'");
        }
        int port = PORT;
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = 0;
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("port is not a number from 1 to 65535: '" + portText + "'");
            }
        }
        return new SyslogTarget(host, port, facility);
    }

    /**
     * Reads a facility name ({@code daemon}, {@code LOCAL3}).
     *
     * @return the name in lower case
     * @throws IllegalArgumentException listing the names known
     */
    public static String facility(String text) {
        String f = text.trim().toLowerCase(Locale.ROOT);
        if (!FACILITIES.contains(f)) {
            throw new IllegalArgumentException(
                    "not one of " + String.join(" ", FACILITIES) + ": '" + text.trim() + "'");
        }
        return f;
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
