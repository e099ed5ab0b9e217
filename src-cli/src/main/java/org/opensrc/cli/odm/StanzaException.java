package org.opensrc.cli.odm;

import java.util.Objects;

/**
 * A stanza file that cannot be used: what is wrong, on which line, and the descriptor concerned when there is one. Each
 * command words it as AIX does ({@link OdmMessages}).
 */
public final class StanzaException extends Exception {

    /** The problems AIX's odmadd and odmchange name. */
    public enum Problem {
        /** The stanza does not begin with {@code ClassName:}. */
        NO_CLASS_NAME,
        /** A line that is not {@code descriptor = value}. */
        NO_DESCRIPTOR_NAME,
        /** A descriptor the class does not have. */
        INVALID_DESCRIPTOR,
        /** A value that does not end (an odd number of double quotes). */
        INVALID_VALUE,
        /** A number descriptor whose value is not a number of its size. */
        INVALID_NUMBER,
        /** The file ends inside a quoted value. */
        INVALID_STANZA
    }

    private final Problem problem;
    private final int line;
    private final String descriptor;

    public StanzaException(Problem problem, int line, String descriptor) {
        super(problem + " at line " + line + (descriptor.isEmpty() ? "" : " (" + descriptor + ")"));
        this.problem = Objects.requireNonNull(problem);
        this.line = line;
        this.descriptor = Objects.requireNonNull(descriptor);
    }

    public Problem problem() {
        return problem;
    }

    /** The line of the file (from 1) where the problem is. */
    public int line() {
        return line;
    }

    /** The descriptor concerned, or "". */
    public String descriptor() {
        return descriptor;
    }
}
