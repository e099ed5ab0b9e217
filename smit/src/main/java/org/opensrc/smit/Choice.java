package org.opensrc.smit;

import java.util.List;

/** One value of a fixed list field: what the panel shows and the words it adds to the command. */
public record Choice(String label, List<String> args) {
    public Choice {
        args = List.copyOf(args);
    }

    static Choice of(String label, String... args) {
        return new Choice(label, List.of(args));
    }

    /** Whether {@code value}, as typed or as {@code lssrc -S} prints it, names this choice. */
    boolean matches(String value) {
        return label.equals(value) || (!args.isEmpty() && String.join(" ", args).equals(value));
    }
}
