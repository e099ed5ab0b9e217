package org.opensrc.inetd.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A parsed inetd.conf: the original lines (so one can be rewritten), every service line found (enabled and
 * commented-out ones) and the problems of the lines that could not be used.
 */
public record InetdConfig(Path file, List<String> lines, List<ServiceEntry> entries, List<Problem> problems) {
    public InetdConfig {
        Objects.requireNonNull(file);
        lines = List.copyOf(lines);
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }

    /** The services inetd should run. */
    public List<ServiceEntry> enabled() {
        return entries.stream().filter(ServiceEntry::enabled).toList();
    }

    /** Every entry, enabled or not, whose service field is {@code name}. */
    public List<ServiceEntry> named(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).toList();
    }
}
