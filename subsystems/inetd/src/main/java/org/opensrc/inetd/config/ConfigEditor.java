package org.opensrc.inetd.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Enables or disables a service by rewriting its lines in inetd.conf, as AIX's {@code chsubserver} and
 * Debian's {@code update-inetd} do: disabling prefixes every enabled line of the service with
 * {@code #<off># }; enabling uncomments every commented line ({@code #} or {@code #<off>#}) of it. The file is
 * replaced atomically (write {@code .new}, fsync, rename).
 */
public final class ConfigEditor {
    private final ConfigParser parser;

    public ConfigEditor(ConfigParser parser) {
        this.parser = parser;
    }

    /** Outcome of an edit: how many lines changed (0 = nothing to do, the file is untouched). */
    public record Edit(int changedLines) {}

    /** Comments out the lines of {@code service}. */
    public Edit disable(Path file, String service) throws IOException {
        InetdConfig config = parser.parse(file, Files.readString(file));
        List<String> lines = new ArrayList<>(config.lines());
        int changed = 0;
        for (int n : lineNumbers(config, service, true)) {
            lines.set(n - 1, ConfigParser.OFF_MARKER + " " + lines.get(n - 1));
            changed++;
        }
        return write(file, lines, changed);
    }

    /** Uncomments the lines of {@code service}. */
    public Edit enable(Path file, String service) throws IOException {
        InetdConfig config = parser.parse(file, Files.readString(file));
        List<String> lines = new ArrayList<>(config.lines());
        int changed = 0;
        for (int n : lineNumbers(config, service, false)) {
            String line = lines.get(n - 1).strip();
            String body = line.startsWith(ConfigParser.OFF_MARKER)
                    ? line.substring(ConfigParser.OFF_MARKER.length()) : line.substring(1);
            lines.set(n - 1, body.strip());
            changed++;
        }
        return write(file, lines, changed);
    }

    private static List<Integer> lineNumbers(InetdConfig config, String service, boolean enabled) {
        return config.named(service).stream().filter(e -> e.enabled() == enabled)
                .map(ServiceEntry::line).distinct().toList();
    }

    private static Edit write(Path file, List<String> lines, int changed) throws IOException {
        if (changed == 0) {
            return new Edit(0);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(file));
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return new Edit(changed);
    }
}
