package org.opensrc.cli.tcpip;

import org.opensrc.libsrc.conffile.CommentedLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service line of inetd.conf, enabled or commented out ({@link CommentedLine}), split into its fields with the exact
 * text around them, so that an edit changes the fields it must and keeps every other byte of the line. A line counts as
 * a service line when it has at least six fields, a socket type ({@code stream} or {@code dgram}) second and a protocol
 * inetd reads third: comment text is never taken for a service.
 *
 * @param text the line as written, without its newline
 * @param enabled false when the line is commented out
 * @param spans where each field starts and ends in {@code text}
 */
record InetdConfLine(String text, boolean enabled, List<Span> spans) {

    /** Field numbers: service, socket type, protocol, wait, user, program, then the program's arguments. */
    static final int SERVICE = 0, SOCKET_TYPE = 1, PROTOCOL = 2, WAIT = 3, USER = 4, PROGRAM = 5, ARGS = 6;

    private static final Pattern FIELD = Pattern.compile("\\S+");

    /** Where a field is in the line. */
    record Span(int start, int end) {}

    InetdConfLine {
        spans = List.copyOf(spans);
    }

    /** The service line {@code text} holds, if it is one. */
    static Optional<InetdConfLine> parse(String text) {
        int start = CommentedLine.bodyStart(text);
        boolean enabled = start < 0;
        List<Span> spans = new ArrayList<>();
        Matcher m = FIELD.matcher(text);
        m.region(enabled ? 0 : start, text.length());
        while (m.find()) {
            spans.add(new Span(m.start(), m.end()));
        }
        if (spans.size() <= PROGRAM) {
            return Optional.empty();
        }
        var line = new InetdConfLine(text, enabled, spans);
        if (InetdValues.socketTypeProblem(line.field(SOCKET_TYPE)).isPresent()
                || InetdValues.protocolProblem(line.protocolToken()).isPresent()) {
            return Optional.empty();
        }
        // a comment counts only when it reads as a whole entry, as inetd reads it
        if (!enabled && InetdValues.of(line).problem().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(line);
    }

    String field(int i) {
        Span s = spans.get(i);
        return text.substring(s.start(), s.end());
    }

    List<String> fields() {
        return spans.stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    List<String> args() {
        return fields().subList(ARGS, spans.size());
    }

    /** The service name without a {@code host:} prefix. */
    String serviceName() {
        String service = field(SERVICE);
        return service.substring(service.lastIndexOf(':') + 1);
    }

    /** The protocol without openbsd's {@code ,sndbuf=…} options. */
    String protocolToken() {
        return field(PROTOCOL).split(",", 2)[0];
    }

    /** This line with field {@code i} replaced, every other byte kept. */
    InetdConfLine with(int i, String value) {
        Span s = spans.get(i);
        String changed = text.substring(0, s.start()) + value + text.substring(s.end());
        return reparse(changed);
    }

    /** This line with the program's arguments replaced (blank-separated), the rest kept. */
    InetdConfLine withArgs(List<String> args) {
        int from = spans.size() > ARGS ? spans.get(ARGS).start() : spans.get(PROGRAM).end();
        int to = spans.getLast().end();
        String joined = String.join(" ", args);
        String lead = spans.size() > ARGS || args.isEmpty() ? "" : " ";
        return reparse(text.substring(0, from) + lead + joined + text.substring(to));
    }

    /** The line commented out with a plain {@code #}. */
    InetdConfLine commentedOut() {
        return reparse(CommentedLine.commentOut(text));
    }

    /** The line enabled again (its marker removed). */
    InetdConfLine uncommented() {
        return reparse(CommentedLine.uncomment(text));
    }

    private static InetdConfLine reparse(String text) {
        return parse(text).orElseThrow(() -> new IllegalStateException("an edit broke the line: " + text));
    }
}
