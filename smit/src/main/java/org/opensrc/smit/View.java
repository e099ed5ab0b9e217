package org.opensrc.smit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What fills the screen: a menu, a dialog (or selector), or a command's status; each keeps its place. */
sealed interface View {

    /** A menu and the item under the cursor. */
    final class MenuView implements View {
        final Panel.Menu menu;
        int selected;

        MenuView(Panel.Menu menu) {
            this.menu = menu;
        }
    }

    /**
     * A dialog's values, the values its selector found ({@code found}, empty outside change dialogs), the field and
     * column under the cursor, and the first field shown. A selector is shown as a one-field dialog; {@code selector}
     * is then set.
     */
    final class DialogView implements View {
        final Panel.Dialog dialog;
        final Panel.Selector selector;
        final Map<String, String> values = new HashMap<>();
        final Map<String, String> found;
        int focus;
        int cursor;
        int top;

        DialogView(Panel.Dialog dialog, Panel.Selector selector, Map<String, String> found) {
            this.dialog = dialog;
            this.selector = selector;
            this.found = Map.copyOf(found);
            for (Field f : dialog.fields()) {
                values.put(f.id(), found.getOrDefault(f.id(), f.initial()));
            }
            while (focus < dialog.fields().size() - 1 && dialog.fields().get(focus).kind() == Field.Kind.SHOW) {
                focus++;
            }
            cursor = value(field()).length();
        }

        Field field() {
            return dialog.fields().get(focus);
        }

        String value(Field f) {
            return values.getOrDefault(f.id(), "");
        }

        List<String> command() {
            return CommandLine.build(dialog, values, found);
        }
    }

    /** A command's status screen: {@code output} is null while the command runs. */
    final class OutputView implements View {
        final List<String> argv;
        Runner.Output output;
        int top;

        OutputView(List<String> argv) {
            this.argv = List.copyOf(argv);
        }
    }
}
