package org.opensrc.inetd.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The services file ({@code name port/proto [aliases…]}): service name and protocol to port. Numeric names resolve to
 * themselves. Lines without a port from 1 to 65535 are skipped.
 */
public final class ServicesFile {
    private final Map<String, Integer> ports;

    private ServicesFile(Map<String, Integer> ports) {
        this.ports = Map.copyOf(ports);
    }

    public static ServicesFile empty() {
        return new ServicesFile(Map.of());
    }

    /** Reads the file; a missing file is empty (numeric services still work). */
    public static ServicesFile load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return empty();
        }
        return parse(Files.readString(file));
    }

    public static ServicesFile parse(String text) {
        Map<String, Integer> ports = new HashMap<>();
        for (String raw : text.split("\n")) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length < 2) {
                continue;
            }
            int slash = f[1].indexOf('/');
            if (slash <= 0) {
                continue;
            }
            int port;
            try {
                port = Integer.parseInt(f[1].substring(0, slash));
            } catch (NumberFormatException e) {
                continue;
            }
            if (port < 1 || port > 65535) {
                continue; // not a port: the name stays unknown, and an inetd.conf line using it is a problem
            }
            String proto = f[1].substring(slash + 1).toLowerCase(Locale.ROOT);
            for (int i = 0; i < f.length; i++) {
                if (i != 1) {
                    ports.putIfAbsent(key(f[i], proto), port);
                }
            }
        }
        return new ServicesFile(ports);
    }

    private static String key(String name, String proto) {
        return name.toLowerCase(Locale.ROOT) + "/" + proto;
    }

    /** The port of {@code name} for {@code proto} ("tcp" or "udp"), or empty when unknown. */
    public OptionalInt port(String name, String proto) {
        if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
            try {
                int p = Integer.parseInt(name);
                return p >= 1 && p <= 65535 ? OptionalInt.of(p) : OptionalInt.empty();
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
        Integer p = ports.get(key(name, proto.toLowerCase(Locale.ROOT)));
        return p == null ? OptionalInt.empty() : OptionalInt.of(p);
    }
}
