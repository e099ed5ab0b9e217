package org.opensrc.inetd.config;

import org.opensrc.libsrc.conffile.AtomicFile;
import org.opensrc.libsrc.conffile.CommentedLine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Enables or disables a service by rewriting its lines in inetd.conf, as AIX's inetd and {@code chsubserver} do:
 * disabling prefixes every enabled line of the service with a plain {@code #}; enabling uncomments the commented lines
 * of it ({@code #}, or Debian's {@code #<off>#} as {@code update-inetd} writes it). Only a comment that parses as a
 * service line of that service once its leading marker is removed counts, so comment text is never uncommented; and a
 * commented line is left alone when an enabled line (or an earlier commented one) already gives the same socket, so
 * enabling never makes a duplicate. The markers are {@link CommentedLine}'s, shared with {@code chsubserver}; the file
 * is replaced atomically ({@link AtomicFile}).
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
        return edit(file, config -> lineNumbers(config, service, true), CommentedLine::commentOut);
    }

    /** Uncomments the lines of {@code service}. */
    public Edit enable(Path file, String service) throws IOException {
        return edit(file, config -> toUncomment(config, service), CommentedLine::uncomment);
    }

    /** Rewrites the chosen lines under the lock every editor of the file takes ({@link AtomicFile#edit}). */
    private Edit edit(Path file, Function<InetdConfig, List<Integer>> choose, UnaryOperator<String> rewrite)
            throws IOException {
        int[] changed = {0};
        AtomicFile.edit(
                file,
                text -> {
                    InetdConfig config = parser.parse(file, text);
                    List<String> lines = new ArrayList<>(config.lines());
                    for (int n : choose.apply(config)) {
                        lines.set(n - 1, rewrite.apply(lines.get(n - 1)));
                        changed[0]++;
                    }
                    return changed[0] == 0 ? null : String.join("\n", lines) + "\n";
                });
        return new Edit(changed[0]);
    }

    private static List<Integer> lineNumbers(InetdConfig config, String service, boolean enabled) {
        return config.named(service).stream()
                .filter(e -> e.enabled() == enabled)
                .map(ServiceEntry::line)
                .distinct()
                .toList();
    }

    /** The commented lines of {@code service} whose sockets no enabled or earlier chosen line gives. */
    private static List<Integer> toUncomment(InetdConfig config, String service) {
        List<ServiceEntry> entries = config.named(service);
        Set<ServiceKey> taken = new HashSet<>();
        entries.stream().filter(ServiceEntry::enabled).forEach(e -> taken.add(e.key()));
        Map<Integer, List<ServiceEntry>> byLine = new TreeMap<>();
        entries.stream()
                .filter(e -> !e.enabled())
                .forEach(e -> byLine.computeIfAbsent(e.line(), k -> new ArrayList<>()).add(e));
        List<Integer> chosen = new ArrayList<>();
        byLine.forEach(
                (line, es) -> {
                    if (es.stream().noneMatch(e -> taken.contains(e.key()))) {
                        es.forEach(e -> taken.add(e.key()));
                        chosen.add(line);
                    }
                });
        return chosen;
    }
}
