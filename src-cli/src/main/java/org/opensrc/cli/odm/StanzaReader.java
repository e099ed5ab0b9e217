package org.opensrc.cli.odm;

import org.opensrc.cli.odm.StanzaException.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an odmadd/odmchange stanza file as AIX's libodm does ({@code odmascii.c}, 4.1): stanzas are separated by blank
 * lines, or start at a line beginning with a non-blank character that has a {@code :} and no {@code =}; a line
 * beginning with {@code #} or {@code *} is a comment, and an unquoted {@code #} or {@code *} ends a line; each stanza
 * is {@code ClassName:} then {@code descriptor = value} lines. In values, double quotes group (and are removed), a
 * backslash escapes the next character ({@code \n \t \b \r \f} are control characters, a backslash at the end of a line
 * continues it), a quoted value may span lines, and unquoted blanks around a value are dropped. Pure.
 */
public final class StanzaReader {

    private StanzaReader() {}

    /** The stanzas of {@code text}, in order. */
    public static List<Stanza> read(String text) throws StanzaException {
        List<Stanza> stanzas = new ArrayList<>();
        Phrase phrase = new Phrase();
        int quotes = 0;
        boolean lineComplete = true;
        boolean started = false;
        int lineNo = 0;
        int pos = 0;
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            String line = nl < 0 ? text.substring(pos) : text.substring(pos, nl + 1);
            pos = nl < 0 ? text.length() : nl + 1;
            lineNo++;
            boolean even = quotes % 2 == 0;
            if (even && lineComplete && (line.startsWith("#") || line.startsWith("*"))) {
                continue;
            }
            if (even && lineComplete && !line.isEmpty() && !blank(line.charAt(0))) {
                if (started && line.indexOf(':') >= 0 && line.indexOf('=') < 0) {
                    stanzas.add(parse(phrase));
                    phrase = new Phrase();
                    started = false;
                }
                started = true;
            }
            boolean isBlank = true;
            boolean newline = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\') {
                    i++;
                    isBlank = false;
                } else if (c == '\n') {
                    newline = true;
                } else if (c == '"') {
                    quotes++;
                    isBlank = false;
                } else if ((c == '#' || c == '*') && quotes % 2 == 0) {
                    line = line.substring(0, i) + "\n";
                    newline = true;
                    isBlank = false;
                    break;
                } else if (!blank(c)) {
                    isBlank = false;
                }
            }
            if (quotes % 2 == 0 && lineComplete && isBlank) {
                if (!phrase.isEmpty()) {
                    stanzas.add(parse(phrase));
                    phrase = new Phrase();
                    started = false;
                }
                continue;
            }
            phrase.append(line, lineNo);
            lineComplete = newline && quotes % 2 == 0;
        }
        if (quotes % 2 != 0) {
            throw new StanzaException(Problem.INVALID_STANZA, phrase.firstLine(), "");
        }
        if (!phrase.isEmpty()) {
            stanzas.add(parse(phrase));
        }
        return stanzas;
    }

    private static Stanza parse(Phrase phrase) throws StanzaException {
        Scanner scanner = new Scanner(phrase.text.toString());
        Token className = scanner.next(":\n", false);
        if (className == null || className.end() != ':' || className.text().isBlank()) {
            throw new StanzaException(Problem.NO_CLASS_NAME, phrase.firstLine(), "");
        }
        List<Stanza.Field> fields = new ArrayList<>();
        while (true) {
            Token name = scanner.next("=\n", true);
            if (name == null || (name.text().isEmpty() && name.end() == '\0')) {
                break;
            }
            int line = phrase.lineAt(name.start());
            if (name.end() != '=') {
                throw new StanzaException(Problem.NO_DESCRIPTOR_NAME, line, "");
            }
            Token value = scanner.next("\n", true);
            if (value == null) {
                throw new StanzaException(Problem.INVALID_VALUE, line, name.text());
            }
            fields.add(new Stanza.Field(name.text(), value.text(), line));
        }
        return new Stanza(className.text().strip(), phrase.firstLine(), fields);
    }

    static boolean blank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    /** The text of one stanza and the file line each of its lines came from. */
    private static final class Phrase {
        final StringBuilder text = new StringBuilder();
        final List<int[]> lines = new ArrayList<>(); // {offset in text, line number}

        void append(String line, int lineNo) {
            lines.add(new int[] {text.length(), lineNo});
            text.append(line);
        }

        boolean isEmpty() {
            return text.isEmpty();
        }

        int firstLine() {
            return lines.isEmpty() ? 1 : lines.getFirst()[1];
        }

        int lineAt(int offset) {
            int line = firstLine();
            for (int[] l : lines) {
                if (l[0] > offset) {
                    break;
                }
                line = l[1];
            }
            return line;
        }
    }

    /** A value read up to a stop character ({@code '\0'} at the end of the text), and where it started. */
    private record Token(String text, char end, int start) {}

    /** libodm's get_value_from_string: values up to a stop character, quotes and escapes resolved. */
    private static final class Scanner {
        private final String s;
        private int pos;

        Scanner(String s) {
            this.s = s;
        }

        /** The next value, or null at the end of the text or when a quote does not end. */
        Token next(String stops, boolean skipBlanks) {
            if (pos >= s.length()) {
                return null;
            }
            if (skipBlanks) {
                while (pos < s.length() && blank(s.charAt(pos))) {
                    pos++;
                }
            }
            int start = pos;
            StringBuilder out = new StringBuilder();
            int keep = 0; // length without trailing unquoted blanks
            boolean quoted = false;
            while (true) {
                char c = pos < s.length() ? s.charAt(pos) : '\0';
                if (c == '\0' || (!quoted && stops.indexOf(c) >= 0)) {
                    if (c == '\0' && quoted) {
                        return null;
                    }
                    if (c != '\0') {
                        pos++;
                    }
                    if (skipBlanks) {
                        out.setLength(keep);
                    }
                    return new Token(out.toString(), c, start);
                }
                pos++;
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == '\\') {
                    char e = pos < s.length() ? s.charAt(pos) : '\0';
                    if (e == '\0') {
                        continue;
                    }
                    pos++;
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'b' -> out.append('\b');
                        case 'r' -> out.append('\r');
                        case 'f' -> out.append('\f');
                        case '\n' -> {}
                        default -> out.append(e);
                    }
                    keep = out.length();
                } else {
                    out.append(c);
                    if (quoted || !blank(c)) {
                        keep = out.length();
                    }
                }
            }
        }
    }
}
