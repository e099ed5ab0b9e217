package org.opensrc.cli.tcpip;

import org.opensrc.libsrc.conffile.CommentedLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edits of {@code chrctcp} on the text of rc.tcpip, pure. A daemon's line is a {@code start} line in the AIX form
 * {@code start PROGRAM "$src_running" [ARGS]} whose program's base name (or whole path) is the daemon; it is disabled
 * when commented out ({@link CommentedLine}: a plain {@code #}, as AIX's {@code chrctcp -d} writes). Other lines are
 * kept byte for byte.
 */
final class RcTcpipEditor {

    private static final Pattern START = Pattern.compile("start\\s+(\"[^\"]*\"|\\S+)\\s+\"\\$src_running\"(.*)");

    /** A daemon's start line. */
    record StartLine(int index, String program, List<String> args, boolean enabled) {
        StartLine {
            args = List.copyOf(args);
        }

        String name() {
            return program.substring(program.lastIndexOf('/') + 1);
        }
    }

    sealed interface Result permits Changed, Unchanged, Refused {}

    /** The new text, and the daemon's line as it is now. */
    record Changed(String text, StartLine line) implements Result {}

    /** The file already says so; {@code line} is the daemon's line, if it has one. */
    record Unchanged(Optional<StartLine> line) implements Result {}

    record Refused(String problem) implements Result {}

    private RcTcpipEditor() {}

    /** The start line {@code text} holds at {@code index}, if it is one. */
    static Optional<StartLine> parse(int index, String text) {
        boolean enabled = !CommentedLine.isCommented(text);
        String body = enabled ? text.strip() : CommentedLine.body(text).orElseThrow();
        Matcher m = START.matcher(body);
        if (!m.matches()) {
            return Optional.empty();
        }
        String program = m.group(1).replace("\"", "");
        String rest = m.group(2).strip();
        List<String> args = rest.isEmpty() ? List.of() : List.of(rest.replace("\"", "").split("\\s+"));
        return Optional.of(new StartLine(index, program, args, enabled));
    }

    /** {@code -a}: the daemon's line stays if enabled, else its first commented line is uncommented. */
    static Result enable(String text, String daemon) {
        Lines lines = Lines.of(text);
        List<StartLine> found = lines(lines, daemon);
        Optional<StartLine> enabled = found.stream().filter(StartLine::enabled).findFirst();
        if (enabled.isPresent()) {
            return new Unchanged(enabled);
        }
        if (found.isEmpty()) {
            return new Refused("there is no start line for " + daemon);
        }
        StartLine line = found.getFirst();
        String uncommented = CommentedLine.uncomment(lines.get(line.index()));
        return new Changed(
                lines.with(line.index(), uncommented).text(), parse(line.index(), uncommented).orElseThrow());
    }

    /** {@code -d}: every enabled line of the daemon is commented out with a plain {@code #}. */
    static Result disable(String text, String daemon) {
        Lines lines = Lines.of(text);
        List<StartLine> found = lines(lines, daemon);
        List<StartLine> enabled = found.stream().filter(StartLine::enabled).toList();
        if (enabled.isEmpty()) {
            return new Unchanged(found.stream().findFirst());
        }
        for (StartLine line : enabled) {
            lines = lines.with(line.index(), CommentedLine.commentOut(lines.get(line.index())));
        }
        StartLine first = enabled.getFirst();
        return new Changed(lines.text(), new StartLine(first.index(), first.program(), first.args(), false));
    }

    private static List<StartLine> lines(Lines lines, String daemon) {
        List<StartLine> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            parse(i, lines.get(i))
                    .filter(l -> daemon.contains("/") ? l.program().equals(daemon) : l.name().equals(daemon))
                    .ifPresent(found::add);
        }
        return found;
    }
}
