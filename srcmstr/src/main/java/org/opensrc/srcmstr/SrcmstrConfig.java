package org.opensrc.srcmstr;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.opensrc.libsrc.trust.StrictPermissions;

/**
 * {@code $SRC_ROOT/etc/src/srcmstr.conf}, optional, Java properties syntax:
 * {@code admin.group} (a group whose members may change things, besides root and
 * srcmstr's own uid) and {@code reply.timeout.seconds} (how long a subsystem may take
 * to answer a forwarded request before the command gets 0513-056; default 60, as AIX) and
 * {@code strict.permissions} ({@code true}: refuse, rather than only warn about, a root program
 * or a configuration file that others can change; default {@code false}).
 */
record SrcmstrConfig(String adminGroup, Duration replyTimeout, boolean strictPermissions) {

    static final SrcmstrConfig DEFAULTS = new SrcmstrConfig("", Duration.ofSeconds(60), false);

    private static final java.util.Set<String> KEYS = java.util.Set.of("admin.group", "reply.timeout.seconds",
            StrictPermissions.KEY);

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
        String timeout = p.getProperty("reply.timeout.seconds", "60").trim();
        boolean strict;
        try {
            strict = StrictPermissions.parse(p.getProperty(StrictPermissions.KEY, "false"));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage());
        }
        try {
            return new SrcmstrConfig(p.getProperty("admin.group", "").trim(), Duration.ofSeconds(Long.parseLong(timeout)),
                    strict);
        } catch (NumberFormatException e) {
            throw new IOException(file + ": reply.timeout.seconds: not a number: '" + timeout + "'");
        }
    }
}
