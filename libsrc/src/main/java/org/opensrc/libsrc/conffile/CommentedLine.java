package org.opensrc.libsrc.conffile;

import java.util.Optional;

/**
 * How a line of an AIX-style configuration file ({@code inetd.conf}, {@code rc.tcpip}) is turned off and on again:
 * disabling puts a plain {@code #} before the line, as AIX's inetd, {@code chsubserver} and {@code chrctcp} do; a
 * disabled line is one whose first non-blank character is {@code #}, and Debian's {@code #<off>#} marker (written by
 * {@code update-inetd}) is read too, never written. The one rule shared by inetd ({@code startsrc -t}/{@code stopsrc
 * -t}) and the commands that edit these files, so they always agree. Pure: no files.
 */
public final class CommentedLine {

    /** What disables a line: a plain {@code #} before it. */
    public static final String COMMENT = "#";

    /** Debian's {@code update-inetd} marker for a disabled line (read, never written). */
    public static final String OFF_MARKER = "#<off>#";

    private CommentedLine() {}

    /** True when the line's first non-blank character is {@code #}. */
    public static boolean isCommented(String line) {
        return line.strip().startsWith(COMMENT);
    }

    /**
     * The text a commented line holds once its marker ({@code #<off>#}, else one {@code #}) is removed, without the
     * blanks around it; empty when the line is not commented.
     */
    public static Optional<String> body(String line) {
        String s = line.strip();
        if (!s.startsWith(COMMENT)) {
            return Optional.empty();
        }
        return Optional.of((s.startsWith(OFF_MARKER) ? s.substring(OFF_MARKER.length()) : s.substring(1)).strip());
    }

    /**
     * Where the body of a commented line starts in {@code line} (after the marker and the blanks that follow it), so an
     * edit can keep the marker as written; -1 when the line is not commented.
     */
    public static int bodyStart(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        if (!line.startsWith(COMMENT, i)) {
            return -1;
        }
        i += line.startsWith(OFF_MARKER, i) ? OFF_MARKER.length() : COMMENT.length();
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The line turned off: {@code #} before it, the rest byte for byte. */
    public static String commentOut(String line) {
        return COMMENT + line;
    }

    /**
     * The line turned on again: its {@link #body}.
     *
     * @throws IllegalArgumentException when the line is not commented
     */
    public static String uncomment(String line) {
        return body(line).orElseThrow(() -> new IllegalArgumentException("not a commented line: " + line));
    }
}
