package org.opensrc.cli.odm;

/** The relations of ODM criteria, in the order libodm tries them ({@code odmfind.c}). */
public enum Relation {
    EQ("="),
    NE("!="),
    LE("<="),
    GE(">="),
    LT("<"),
    GT(">"),
    LIKE("LIKE"),
    LIKE_LOWER("like");

    private final String text;

    Relation(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** Whether strings may be compared with it: =, != and like. */
    public boolean forStrings() {
        return this == EQ || this == NE || this == LIKE || this == LIKE_LOWER;
    }

    /** Whether numbers may be compared with it: all but like. */
    public boolean forNumbers() {
        return this != LIKE && this != LIKE_LOWER;
    }
}
