package org.opensrc.smit;

import java.util.List;

/** A SMIT panel: a menu, a dialog that runs a command, or the selector in front of a change dialog. */
public sealed interface Panel {
    String id();

    String title();

    /** A list of items, each opening another panel. */
    record Menu(String id, String title, List<Item> items) implements Panel {
        public Menu {
            items = List.copyOf(items);
        }
    }

    /** A menu line and the fast path it opens. */
    record Item(String label, String target) {}

    /**
     * Entry fields and the command they build. {@code changeOnly}: a field is on the command only when its value
     * differs from the one the selector found (SMIT's change dialogs). {@code ask}: "ARE YOU SURE?" before running. A
     * dialog without editable fields runs at once.
     */
    record Dialog(String id, String title, List<String> command, List<Field> fields, boolean changeOnly, boolean ask)
            implements Panel {
        public Dialog {
            command = List.copyOf(command);
            fields = List.copyOf(fields);
        }

        static Dialog of(String id, String title, List<String> command, Field... fields) {
            return new Dialog(id, title, command, List.of(fields), false, false);
        }

        Dialog asking() {
            return new Dialog(id, title, command, fields, changeOnly, true);
        }

        Dialog changing() {
            return new Dialog(id, title, command, fields, true, ask);
        }

        boolean runsAtOnce() {
            return fields.stream().allMatch(f -> f.kind() == Field.Kind.SHOW);
        }
    }

    /**
     * One field naming the object to change; Enter runs {@code discover} + the name (an {@code lssrc -S -s} or {@code
     * -T -t}) and opens {@code dialog} filled with what it printed.
     */
    record Selector(String id, String title, Field field, List<String> discover, String dialog) implements Panel {
        public Selector {
            discover = List.copyOf(discover);
        }
    }
}
