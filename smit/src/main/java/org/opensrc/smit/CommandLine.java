package org.opensrc.smit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The command a dialog runs, built from its field values as SMIT builds its cmd_to_exec. */
final class CommandLine {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private CommandLine() {}

    /**
     * The argv: the dialog's command, then each field's flag and value in field order, then the trailing words. Empty
     * fields add nothing. In a change dialog a field adds its flag only when its value is not the one found ({@code
     * found}); a field emptied there adds its flag with an empty value.
     */
    static List<String> build(Panel.Dialog dialog, Map<String, String> values, Map<String, String> found) {
        List<String> argv = new ArrayList<>(dialog.command());
        List<String> trailing = new ArrayList<>();
        for (Field f : dialog.fields()) {
            String value = values.getOrDefault(f.id(), f.initial()).strip();
            if (f.kind() != Field.Kind.SHOW
                    && dialog.changeOnly()
                    && value.equals(found.getOrDefault(f.id(), f.initial()).strip())) {
                continue;
            }
            switch (f.kind()) {
                case CHOICE -> {
                    Choice c = f.choiceFor(value);
                    if (c != null) {
                        argv.addAll(c.args());
                    } else if (!value.isEmpty()) {
                        // not one of the choices: handed to the command as typed, for it to judge
                        argv.add(f.flag().isEmpty() ? value : f.flag());
                        if (!f.flag().isEmpty()) {
                            argv.add(value);
                        }
                    }
                }
                case TEXT, NUMBER, LIST, SHOW -> {
                    if (f.flag().isEmpty()) {
                        trailing.addAll(words(value));
                    } else if (!value.isEmpty() || dialog.changeOnly()) {
                        argv.add(f.flag());
                        argv.add(value);
                    }
                }
            }
        }
        argv.addAll(trailing);
        return argv;
    }

    /** The fields marked required that are empty, by label. */
    static List<String> missing(Panel.Dialog dialog, Map<String, String> values) {
        return dialog.fields().stream()
                .filter(f -> f.required() && values.getOrDefault(f.id(), f.initial()).isBlank())
                .map(Field::label)
                .toList();
    }

    /** The argv as one line a shell runs as it stands (smit.script, F6). */
    static String shellLine(List<String> argv) {
        StringBuilder b = new StringBuilder();
        for (String a : argv) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(quote(a));
        }
        return b.toString();
    }

    static String quote(String word) {
        if (PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static List<String> words(String value) {
        return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
    }
}
