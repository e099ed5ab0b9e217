package org.opensrc.libsrc;

/**
 * Text from outside made safe to print on a terminal or in a log: control characters (C0, DEL, C1: line breaks,
 * escapes) are shown as {@code \n}, {@code \t} or {@code \xNN}, and very long values are cut, so a value can neither
 * move the cursor, change colours, nor fake a line of output.
 */
public final class SafeText {

    /** Longest value printed whole; longer ones are cut and end with "...". */
    public static final int MAX_CHARS = 256;

    private SafeText() {}

    public static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0);
    }

    /**
     * Appends {@code text} to a log line with each ASCII control character (C0 and DEL, regex {@code \p{Cntrl}}) shown
     * as {@code ?}, as the daemons' Logback pattern {@code %replace(%msg){'\p{Cntrl}', '?'}} did: one event stays one
     * line.
     */
    public static void appendOneLine(StringBuilder line, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            line.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
    }

    /** {@code value} with control characters escaped and cut at {@link #MAX_CHARS}. */
    public static String of(String value) {
        boolean clean = value.length() <= MAX_CHARS;
        for (int i = 0; clean && i < value.length(); i++) {
            clean = !isControl(value.charAt(i));
        }
        if (clean) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        int end = Math.min(value.length(), MAX_CHARS);
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            if (isControl(c)) {
                out.append(escape(c));
            } else {
                out.append(c);
            }
        }
        if (end < value.length()) {
            out.append("...");
        }
        return out.toString();
    }

    /**
     * Multi-line text (a subsystem's own message, a detail line): line breaks and tabs stay, every other control
     * character is escaped; no length limit.
     */
    public static String lines(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean escape = isControl(c) && c != '\n' && c != '\t';
            if (escape && out == null) {
                out = new StringBuilder(value.substring(0, i));
            }
            if (out != null) {
                out.append(escape ? escape(c) : String.valueOf(c));
            }
        }
        return out == null ? value : out.toString();
    }

    /** How an error message names one character: {@code '/'} or {@code a control character (\x1b)}. */
    public static String describe(char c) {
        return isControl(c) ? "a control character (" + escape(c) + ")" : "'" + c + "'";
    }

    private static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> String.format("\\x%02x", (int) c);
        };
    }
}
