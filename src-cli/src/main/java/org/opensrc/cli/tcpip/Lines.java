package org.opensrc.cli.tcpip;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lines of a text file, and whether the last one ended with a newline, so that the text put back together is the
 * text read, byte for byte, but for the lines replaced or added.
 */
record Lines(List<String> lines, boolean finalNewline) {

    Lines {
        lines = List.copyOf(lines);
    }

    static Lines of(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        boolean finalNewline = text.isEmpty() || text.endsWith("\n");
        if (finalNewline) {
            lines.removeLast();
        }
        return new Lines(lines, finalNewline);
    }

    int size() {
        return lines.size();
    }

    String get(int i) {
        return lines.get(i);
    }

    /** The inetd.conf service line at {@code i}, if it is one. */
    Optional<InetdConfLine> service(int i) {
        return InetdConfLine.parse(lines.get(i));
    }

    Lines with(int i, String line) {
        List<String> changed = new ArrayList<>(lines);
        changed.set(i, line);
        return new Lines(changed, finalNewline);
    }

    /** A line added at the end; the file ends with a newline afterwards. */
    Lines append(String line) {
        List<String> changed = new ArrayList<>(lines);
        changed.add(line);
        return new Lines(changed, true);
    }

    String text() {
        if (lines.isEmpty()) {
            return "";
        }
        return String.join("\n", lines) + (finalNewline ? "\n" : "");
    }
}
