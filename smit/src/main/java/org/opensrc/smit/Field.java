package org.opensrc.smit;

import java.util.List;

/**
 * An entry field of a dialog. {@code flag} is the command's flag for the value ({@code "-s"}); an empty flag makes the
 * value the command's trailing words. A {@link Kind#CHOICE} field adds its choice's words instead. {@code odm} names
 * the {@code lssrc -S}/{@code -T} column that fills it in a change dialog.
 */
public record Field(
        String id,
        String label,
        Kind kind,
        String flag,
        boolean required,
        String initial,
        ListSource source,
        List<Choice> choices,
        String odm,
        String help) {

    /** How a field is edited and shown: SMIT's {@code [ ]}, {@code +}, {@code #} and read-only. */
    public enum Kind {
        TEXT,
        NUMBER,
        /** Typed, or picked with F4 from the live registry. */
        LIST,
        /** One of fixed choices: Tab steps through them, F4 lists them. */
        CHOICE,
        /** Shown without brackets: the object a change dialog works on; always on the command. */
        SHOW
    }

    public Field {
        choices = List.copyOf(choices);
        if ((kind == Kind.CHOICE) == choices.isEmpty()) {
            throw new IllegalArgumentException(id + ": choices go with CHOICE fields only");
        }
    }

    static Field text(String id, String label, String flag) {
        return new Field(id, label, Kind.TEXT, flag, false, "", ListSource.NONE, List.of(), id, "");
    }

    static Field number(String id, String label, String flag) {
        return text(id, label, flag).withKind(Kind.NUMBER);
    }

    static Field list(String id, String label, String flag, ListSource source) {
        return new Field(id, label, Kind.LIST, flag, false, "", source, List.of(), id, "");
    }

    static Field choice(String id, String label, Choice... choices) {
        return new Field(
                id, label, Kind.CHOICE, "", false, choices[0].label(), ListSource.NONE, List.of(choices), id, "");
    }

    /** A yes/no field that adds {@code flag} when yes. */
    static Field yesNo(String id, String label, String flag) {
        return choice(id, label, Choice.of("no"), Choice.of("yes", flag));
    }

    Field withKind(Kind k) {
        return new Field(id, label, k, flag, required, initial, source, choices, odm, help);
    }

    Field mandatory() {
        return new Field(id, label, kind, flag, true, initial, source, choices, odm, help);
    }

    Field withInitial(String value) {
        return new Field(id, label, kind, flag, required, value, source, choices, odm, help);
    }

    Field fromColumn(String column) {
        return new Field(id, label, kind, flag, required, initial, source, choices, column, help);
    }

    Field withHelp(String text) {
        return new Field(id, label, kind, flag, required, initial, source, choices, odm, text);
    }

    /** The mark SMIT prints right of the field: {@code +} list, {@code #} number. */
    char mark() {
        return switch (kind) {
            case LIST, CHOICE -> '+';
            case NUMBER -> '#';
            case TEXT, SHOW -> ' ';
        };
    }

    /** The choice {@code value} names, or null. */
    Choice choiceFor(String value) {
        for (Choice c : choices) {
            if (c.matches(value)) {
                return c;
            }
        }
        return null;
    }
}
