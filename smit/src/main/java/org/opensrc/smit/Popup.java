package org.opensrc.smit;

import java.util.List;

/** A box over the screen: F4's list, or text (help, the command, an error, "ARE YOU SURE?"). */
sealed interface Popup {

    /** F4's choices for {@code field}; Enter puts the one under the cursor in it. */
    final class ListPopup implements Popup {
        final Field field;
        final List<String> items;
        int selected;

        ListPopup(Field field, List<String> items) {
            this.field = field;
            this.items = List.copyOf(items);
        }
    }

    /** Lines to read; {@code confirms}: Enter runs the dialog's command (ARE YOU SURE?). */
    record TextPopup(String title, List<String> lines, boolean confirms) implements Popup {
        public TextPopup {
            lines = List.copyOf(lines);
        }
    }
}
