package org.opensrc.srcmstr;

import org.opensrc.libsrc.trust.StrictPermissions;
import org.opensrc.srcmstr.control.SocketLimits;
import org.opensrc.srcmstr.logging.SyslogTarget;
import org.opensrc.srcmstr.metrics.MetricsAddress;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * {@code $SRC_ROOT/etc/src/srcmstr.conf}, optional, Java properties syntax: {@code admin.group} (a group whose members
 * may change things, besides root and srcmstr's own uid), {@code reply.timeout.seconds} (how long a running subsystem
 * may take to attach and answer a forwarded request before the command gets 0513-056; default 60, as AIX), {@code
 * strict.permissions} ({@code true}: refuse, rather than only warn about, a root program or a configuration file that
 * others can change; default {@code false}), {@code watch.buffer.events} (how many changes srcmstr queues for one
 * {@code lssrc --watch} that reads too slowly before it drops them and sends a fresh snapshot; default 1024), and the
 * local socket's limits ({@link SocketLimits}): {@code connections.per.uid}, {@code connections.max}, {@code
 * handshake.timeout.seconds}, {@code idle.timeout.seconds}; {@code metrics.listen} (ADDRESS:PORT where {@code /metrics}
 * is served in the Prometheus text format; unset, the default: nothing is served); {@code log.syslog} (HOST[:PORT],
 * port 514 by default: the log is also sent there by syslog over UDP; unset, the default: it is not) with {@code
 * log.syslog.facility} ({@code daemon} by default).
 */
record SrcmstrConfig(
        String adminGroup,
        Duration replyTimeout,
        boolean strictPermissions,
        SocketLimits socket,
        int watchBuffer,
        Optional<MetricsAddress> metrics,
        Optional<SyslogTarget> syslog) {

    static final int WATCH_BUFFER = 1024;

    static final String METRICS_LISTEN = "metrics.listen";

    static final String LOG_SYSLOG = "log.syslog";

    static final String LOG_SYSLOG_FACILITY = "log.syslog.facility";

    static final SrcmstrConfig DEFAULTS =
            new SrcmstrConfig(
                    "",
                    Duration.ofSeconds(60),
                    false,
                    SocketLimits.DEFAULTS,
                    WATCH_BUFFER,
                    Optional.empty(),
                    Optional.empty());

    private static final Set<String> KEYS =
            Set.of(
                    "admin.group",
                    "reply.timeout.seconds",
                    StrictPermissions.KEY,
                    "connections.per.uid",
                    "connections.max",
                    "handshake.timeout.seconds",
                    "idle.timeout.seconds",
                    "watch.buffer.events",
                    METRICS_LISTEN,
                    LOG_SYSLOG,
                    LOG_SYSLOG_FACILITY);

    static SrcmstrConfig load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return DEFAULTS;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        for (String key : p.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new IOException(file + ": unknown setting '" + key + "'");
            }
        }
        boolean strict;
        try {
            strict = StrictPermissions.parse(p.getProperty(StrictPermissions.KEY, "false"));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage());
        }
        SocketLimits d = SocketLimits.DEFAULTS;
        SocketLimits socket =
                new SocketLimits(
                        (int) positive(file, p, "connections.per.uid", d.perUid(), Integer.MAX_VALUE),
                        (int) positive(file, p, "connections.max", d.total(), Integer.MAX_VALUE),
                        Duration.ofSeconds(
                                positive(
                                        file,
                                        p,
                                        "handshake.timeout.seconds",
                                        d.handshakeTimeout().toSeconds(),
                                        86_400)),
                        Duration.ofSeconds(
                                positive(file, p, "idle.timeout.seconds", d.idleTimeout().toSeconds(), 86_400)));
        return new SrcmstrConfig(
                p.getProperty("admin.group", "").trim(),
                Duration.ofSeconds(positive(file, p, "reply.timeout.seconds", 60, 86_400)),
                strict,
                socket,
                (int) positive(file, p, "watch.buffer.events", WATCH_BUFFER, 1_000_000),
                metrics(file, p),
                syslog(file, p));
    }

    private static Optional<SyslogTarget> syslog(Path file, Properties p) throws IOException {
        String facility;
        try {
            facility = SyslogTarget.facility(p.getProperty(LOG_SYSLOG_FACILITY, SyslogTarget.FACILITY));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + LOG_SYSLOG_FACILITY + ": " + e.getMessage());
        }
        String text = p.getProperty(LOG_SYSLOG);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(SyslogTarget.parse(text, facility));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + LOG_SYSLOG + ": " + e.getMessage());
        }
    }

    private static Optional<MetricsAddress> metrics(Path file, Properties p) throws IOException {
        String text = p.getProperty(METRICS_LISTEN);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(MetricsAddress.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + METRICS_LISTEN + ": " + e.getMessage());
        }
    }

    private static long positive(Path file, Properties p, String key, long fallback, long max) throws IOException {
        String text = p.getProperty(key);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IOException(file + ": " + key + ": not a number from 1 to " + max + ": '" + text.trim() + "'");
    }
}
