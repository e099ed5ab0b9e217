package org.opensrc.smit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One smitty run: the stack of screens, a popup over them, and what each key does. Commands run through the {@link
 * Runner}; nothing here decides what SRC allows.
 */
final class Session {
    private final SrcTree tree;
    private final Runner runner;
    private final LiveLists lists;
    private final Recorder recorder;
    private final Deque<View> stack = new ArrayDeque<>();
    private Popup popup;
    private View.OutputView pending;
    private boolean shellWanted;
    private boolean done;
    private Frame last;

    Session(SrcTree tree, Runner runner, Recorder recorder, String fastPath) {
        this.tree = tree;
        this.runner = runner;
        this.lists = new LiveLists(runner);
        this.recorder = recorder;
        recorder.started();
        open(fastPath);
        if (stack.isEmpty()) {
            open("src");
            popup = new Popup.TextPopup("ERROR MESSAGE", List.of("There is no fast path \"" + fastPath + "\"."), false);
        }
    }

    boolean done() {
        return done;
    }

    /** A command waits to run: draw the screen ("Command: running"), then call {@link #runPending}. */
    boolean hasPending() {
        return pending != null;
    }

    void runPending() {
        View.OutputView v = pending;
        pending = null;
        v.output = runner.run(v.argv);
        recorder.command(v.argv, v.output);
    }

    /** F9 was pressed: the caller runs a shell, then redraws. */
    boolean takeShell() {
        boolean s = shellWanted;
        shellWanted = false;
        return s;
    }

    Frame frame(int rows, int cols) {
        View top = stack.peek();
        Frame f =
                switch (top) {
                    case View.MenuView m -> Screens.menu(m, rows, cols);
                    case View.DialogView d -> Screens.dialog(d, rows, cols);
                    case View.OutputView o -> Screens.output(o, rows, cols);
                };
        last = popup == null ? f : Screens.popup(f, popup, rows, cols);
        return last;
    }

    void handle(Key key, String typed) {
        switch (key) {
            case F10 -> {
                exit();
                return;
            }
            case F8 -> {
                if (last != null) {
                    recorder.image(last.lines());
                }
                return;
            }
            case F9 -> {
                shellWanted = true;
                return;
            }
            default -> {}
        }
        if (popup != null) {
            popupKey(key, typed);
            return;
        }
        switch (stack.peek()) {
            case View.MenuView m -> menuKey(m, key);
            case View.DialogView d -> dialogKey(d, key, typed);
            case View.OutputView o -> outputKey(o, key);
        }
    }

    private void open(String fastPath) {
        Panel panel = tree.panel(fastPath).orElse(null);
        if (panel == null) {
            return;
        }
        recorder.panel(panel);
        switch (panel) {
            case Panel.Menu m -> stack.push(new View.MenuView(m));
            case Panel.Dialog d when d.runsAtOnce() -> run(d.command());
            case Panel.Dialog d -> stack.push(new View.DialogView(d, null, Map.of()));
            case Panel.Selector s ->
                    stack.push(
                            new View.DialogView(
                                    new Panel.Dialog(s.id(), s.title(), List.of(), List.of(s.field()), false, false),
                                    s,
                                    Map.of()));
        }
    }

    private void run(List<String> argv) {
        View.OutputView v = new View.OutputView(argv);
        stack.push(v);
        pending = v;
    }

    private void back() {
        stack.pop();
        if (stack.isEmpty()) {
            exit();
        }
    }

    private void exit() {
        if (!done) {
            done = true;
            recorder.exited();
        }
    }

    private void menuKey(View.MenuView m, Key key) {
        int n = m.menu.items().size();
        switch (key) {
            case UP -> m.selected = (m.selected + n - 1) % n;
            case DOWN, TAB -> m.selected = (m.selected + 1) % n;
            case HOME, PAGE_UP -> m.selected = 0;
            case END, PAGE_DOWN -> m.selected = n - 1;
            case ENTER -> open(m.menu.items().get(m.selected).target());
            case F3 -> back();
            case F1 -> {
                Panel.Item item = m.menu.items().get(m.selected);
                popup =
                        new Popup.TextPopup(
                                item.label(),
                                List.of(
                                        "Opens the panel \"" + item.label() + "\".",
                                        "",
                                        "Fast path: smitty " + item.target()),
                                false);
            }
            default -> {}
        }
    }

    private void dialogKey(View.DialogView d, Key key, String typed) {
        Field f = d.field();
        String value = d.value(f);
        switch (key) {
            case UP -> move(d, -1);
            case DOWN -> move(d, 1);
            case PAGE_UP -> move(d, -10);
            case PAGE_DOWN -> move(d, 10);
            case TAB, BACK_TAB -> {
                if (f.kind() == Field.Kind.CHOICE) {
                    cycle(d, f, key == Key.TAB ? 1 : -1);
                } else {
                    move(d, key == Key.TAB ? 1 : -1);
                }
            }
            case LEFT -> d.cursor = Math.max(0, d.cursor - 1);
            case RIGHT -> d.cursor = Math.min(value.length(), d.cursor + 1);
            case HOME -> d.cursor = 0;
            case END -> d.cursor = value.length();
            case BACKSPACE -> {
                if (editable(f) && d.cursor > 0) {
                    set(d, f, value.substring(0, d.cursor - 1) + value.substring(d.cursor));
                    d.cursor--;
                }
            }
            case DELETE -> {
                if (editable(f) && d.cursor < value.length()) {
                    set(d, f, value.substring(0, d.cursor) + value.substring(d.cursor + 1));
                }
            }
            case CHAR -> {
                if (editable(f) && (f.kind() != Field.Kind.NUMBER || typed.matches("[0-9-]"))) {
                    int at = Math.min(d.cursor, value.length());
                    set(d, f, value.substring(0, at) + typed + value.substring(at));
                    d.cursor = at + typed.length();
                }
            }
            case F1 -> popup = help(d, f);
            case F3 -> back();
            case F4 -> {
                switch (f.kind()) {
                    case CHOICE -> popup = new Popup.ListPopup(f, f.choices().stream().map(Choice::label).toList());
                    case LIST -> popup = new Popup.ListPopup(f, lists.of(f.source()));
                    case TEXT, NUMBER, SHOW -> {}
                }
            }
            case F5 -> {
                set(d, f, d.found.getOrDefault(f.id(), f.initial()));
                d.cursor = d.value(f).length();
            }
            case F6 ->
                    popup =
                            new Popup.TextPopup(
                                    "SHOW COMMAND STRING",
                                    List.of(
                                            "Press Enter or Cancel to return to the application.",
                                            "",
                                            "  "
                                                    + CommandLine.shellLine(
                                                            d.selector != null ? discover(d) : d.command())),
                                    false);
            case ENTER -> enter(d);
            default -> {}
        }
    }

    private static boolean editable(Field f) {
        return f.kind() != Field.Kind.SHOW && f.kind() != Field.Kind.CHOICE;
    }

    private static void set(View.DialogView d, Field f, String value) {
        d.values.put(f.id(), value);
    }

    private static void move(View.DialogView d, int by) {
        List<Field> fields = d.dialog.fields();
        int to = Math.max(0, Math.min(fields.size() - 1, d.focus + by));
        int step = by < 0 ? -1 : 1;
        while (fields.get(to).kind() == Field.Kind.SHOW && to + step >= 0 && to + step < fields.size()) {
            to += step;
        }
        if (fields.get(to).kind() != Field.Kind.SHOW) {
            d.focus = to;
            d.cursor = d.value(d.field()).length();
        }
    }

    private static void cycle(View.DialogView d, Field f, int by) {
        List<Choice> choices = f.choices();
        Choice now = f.choiceFor(d.value(f));
        int at = now == null ? -1 : choices.indexOf(now);
        int next = Math.floorMod(at + by, choices.size());
        set(d, f, choices.get(next).label());
        d.cursor = d.value(f).length();
    }

    private Popup help(View.DialogView d, Field f) {
        List<String> lines = new ArrayList<>();
        if (!f.help().isEmpty()) {
            lines.addAll(wrap(f.help(), 70));
            lines.add("");
        }
        String command = d.selector != null ? d.selector.discover().getFirst() : d.dialog.command().getFirst();
        lines.add(
                f.flag().isEmpty()
                        ? "The words of this field end the " + command + " command."
                        : "This field gives " + command + " its " + f.flag() + " flag.");
        if (f.kind() == Field.Kind.LIST || f.kind() == Field.Kind.CHOICE) {
            lines.add("F4 lists the values" + (f.kind() == Field.Kind.CHOICE ? "; Tab steps through them." : "."));
        }
        lines.add("See docs/" + command + ".md.");
        return new Popup.TextPopup(f.label().strip(), lines, false);
    }

    private static List<String> discover(View.DialogView d) {
        List<String> argv = new ArrayList<>(d.selector.discover());
        argv.add(d.value(d.field()).strip());
        return argv;
    }

    private void enter(View.DialogView d) {
        List<String> missing = CommandLine.missing(d.dialog, d.values);
        if (!missing.isEmpty()) {
            List<String> lines = new ArrayList<>();
            lines.add("A value is required in these entry fields:");
            missing.forEach(m -> lines.add("  " + m.strip()));
            popup = new Popup.TextPopup("ERROR MESSAGE", lines, false);
            return;
        }
        if (d.selector != null) {
            select(d);
            return;
        }
        if (d.dialog.ask()) {
            popup =
                    new Popup.TextPopup(
                            "ARE YOU SURE?",
                            List.of(
                                    "Continuing may delete information you may want",
                                    "to keep.  This is your last chance to stop",
                                    "before continuing.",
                                    "    Press Enter to continue.",
                                    "    Press Cancel to return to the application."),
                            true);
            return;
        }
        run(d.command());
    }

    /** Enter on a selector: what {@code lssrc -S -s NAME} (or {@code -T -t}) prints fills the dialog. */
    private void select(View.DialogView d) {
        List<String> argv = discover(d);
        Runner.Output out = runner.run(argv);
        List<Map<String, String>> records = out.ok() ? ColonFormat.parse(out.stdout()) : List.of();
        if (records.isEmpty()) {
            List<String> lines = new ArrayList<>(Screens.lines(out.text()));
            if (lines.isEmpty()) {
                lines.add("There is no " + d.field().label().strip() + " \"" + argv.getLast() + "\".");
            }
            popup = new Popup.TextPopup("ERROR MESSAGE", lines, false);
            return;
        }
        Panel.Dialog dialog = (Panel.Dialog) tree.panel(d.selector.dialog()).orElseThrow();
        Map<String, String> found = new HashMap<>();
        for (Field f : dialog.fields()) {
            String v = records.getFirst().get(f.odm());
            if (v != null) {
                Choice c = f.kind() == Field.Kind.CHOICE ? f.choiceFor(v) : null;
                found.put(f.id(), c != null ? c.label() : v);
            }
        }
        recorder.panel(dialog);
        stack.push(new View.DialogView(dialog, null, found));
    }

    private void outputKey(View.OutputView o, Key key) {
        switch (key) {
            case UP -> o.top = Math.max(0, o.top - 1);
            case DOWN -> o.top++;
            case PAGE_UP -> o.top = Math.max(0, o.top - 10);
            case PAGE_DOWN -> o.top += 10;
            case HOME -> o.top = 0;
            case F3 -> {
                if (o.output != null) {
                    back();
                }
            }
            case F6 ->
                    popup =
                            new Popup.TextPopup(
                                    "SHOW COMMAND STRING",
                                    List.of(
                                            "Press Enter or Cancel to return to the application.",
                                            "",
                                            "  " + CommandLine.shellLine(o.argv)),
                                    false);
            case F1 ->
                    popup =
                            new Popup.TextPopup(
                                    "COMMAND STATUS",
                                    List.of(
                                            "The command's standard output, then its standard error.",
                                            "Arrow keys and Page Up/Down scroll; F3 goes back."),
                                    false);
            default -> {}
        }
    }

    private void popupKey(Key key, String typed) {
        switch (popup) {
            case Popup.ListPopup p -> {
                int n = p.items.size();
                switch (key) {
                    case UP -> p.selected = Math.max(0, p.selected - 1);
                    case DOWN -> p.selected = Math.min(Math.max(0, n - 1), p.selected + 1);
                    case PAGE_UP -> p.selected = Math.max(0, p.selected - 10);
                    case PAGE_DOWN -> p.selected = Math.min(Math.max(0, n - 1), p.selected + 10);
                    case CHAR -> {
                        for (int i = 0; i < n; i++) {
                            if (p.items.get(i).startsWith(typed)) {
                                p.selected = i;
                                break;
                            }
                        }
                    }
                    case ENTER -> {
                        if (n > 0 && stack.peek() instanceof View.DialogView d) {
                            set(d, p.field, p.items.get(p.selected));
                            d.cursor = d.value(p.field).length();
                        }
                        popup = null;
                    }
                    case F3 -> popup = null;
                    default -> {}
                }
            }
            case Popup.TextPopup t -> {
                if (key == Key.ENTER && t.confirms() && stack.peek() instanceof View.DialogView d) {
                    popup = null;
                    run(d.command());
                } else if (key == Key.ENTER || key == Key.F3) {
                    popup = null;
                }
            }
        }
    }

    private static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : text.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + w.length() > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(w);
        }
        out.add(line.toString());
        return out;
    }
}
