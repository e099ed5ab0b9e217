package org.opensrc.cli.tcpip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The services file inetd reads ({@code $SRC_ROOT/etc/services} when it exists, else {@code /etc/services}): whether a
 * name (official or alias) is there for a protocol.
 */
final class KnownServices {

    private final List<String> lines;

    private KnownServices(List<String> lines) {
        this.lines = lines;
    }

    static KnownServices read(Path file) {
        try {
            return new KnownServices(Files.readAllLines(file));
        } catch (IOException e) {
            return new KnownServices(List.of());
        }
    }

    static KnownServices of(String text) {
        return new KnownServices(text.lines().toList());
    }

    boolean contains(String name, String protocol) {
        for (String line : lines) {
            String[] f = line.split("#", 2)[0].strip().split("\\s+");
            if (f.length < 2 || !f[1].endsWith("/" + protocol)) {
                continue;
            }
            for (int i = 0; i < f.length; i++) {
                if (i != 1 && f[i].equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }
}
