package org.opensrc.smit;

import java.util.ArrayList;
import java.util.List;

/** Draws views and popups as AIX smitty lays them out on an 80×24 terminal. Pure: text in, lines out. */
final class Screens {
    static final int LABEL_END = 53;
    static final int VALUE_WIDTH = 22;
    static final int MARK_COL = 78;
    static final String MENU_KEYS =
            keys("F1=Help", "F2=Refresh", "F3=Cancel", "F8=Image") + "\n" + keys("F9=Shell", "F10=Exit", "Enter=Do");
    static final String DIALOG_KEYS =
            keys("F1=Help", "F2=Refresh", "F3=Cancel", "F4=List")
                    + "\n"
                    + keys("F5=Reset", "F6=Command", "F7=Edit", "F8=Image")
                    + "\n"
                    + keys("F9=Shell", "F10=Exit", "Enter=Do");
    static final String OUTPUT_KEYS =
            keys("F1=Help", "F2=Refresh", "F3=Cancel", "F6=Command") + "\n" + keys("F8=Image", "F9=Shell", "F10=Exit");

    private Screens() {}

    static Frame menu(View.MenuView v, int rows, int cols) {
        Canvas c = new Canvas(rows, cols);
        c.center(0, v.menu.title());
        c.put(2, 0, "Move cursor to desired item and press Enter.");
        int first = 4;
        int last = rows - 4;
        int top = Math.max(0, v.selected - (last - first));
        for (int i = top; i < v.menu.items().size() && first + i - top <= last; i++) {
            c.put(first + i - top, 2, v.menu.items().get(i).label());
        }
        c.bottom(MENU_KEYS);
        int row = first + v.selected - top;
        String label = v.menu.items().get(v.selected).label();
        return c.frame(row, 2, row, 2, 2 + label.length());
    }

    static Frame dialog(View.DialogView v, int rows, int cols) {
        Canvas c = new Canvas(rows, cols);
        c.center(0, v.dialog.title());
        c.put(2, 0, "Type or select values in entry fields.");
        c.put(3, 0, "Press Enter AFTER making all desired changes.");
        c.put(5, 56, "[Entry Fields]");
        int first = 6;
        int height = Math.max(1, rows - 4 - first);
        List<Field> fields = v.dialog.fields();
        if (v.focus < v.top) {
            v.top = v.focus;
        } else if (v.focus >= v.top + height) {
            v.top = v.focus - height + 1;
        }
        if (fields.size() > height) {
            c.put(5, 0, v.top == 0 ? "[TOP]" : "[MORE..." + v.top + "]");
        }
        int cursorRow = first;
        int cursorCol = LABEL_END + 1;
        for (int i = v.top; i < fields.size() && i < v.top + height; i++) {
            Field f = fields.get(i);
            int row = first + i - v.top;
            c.put(row, 0, (f.required() ? "*" : " ") + " " + f.label());
            String value = v.value(f);
            if (f.kind() == Field.Kind.SHOW) {
                c.put(row, LABEL_END + 1, value);
                continue;
            }
            int from = 0;
            if (i == v.focus && v.cursor >= VALUE_WIDTH) {
                from = v.cursor - VALUE_WIDTH + 1;
            }
            String shown =
                    value.substring(Math.min(from, value.length()), Math.min(value.length(), from + VALUE_WIDTH));
            c.put(
                    row,
                    LABEL_END - (from > 0 ? 1 : 0),
                    (from > 0 ? "<" : "") + "[" + shown + "]" + (value.length() > from + VALUE_WIDTH ? ">" : ""));
            if (f.mark() != ' ') {
                c.put(row, MARK_COL, String.valueOf(f.mark()));
            }
            if (i == v.focus) {
                cursorRow = row;
                cursorCol = LABEL_END + 1 + v.cursor - from;
            }
        }
        int below = fields.size() - (v.top + height);
        if (below > 0) {
            c.put(rows - 4, 0, "[MORE..." + below + "]");
        } else if (fields.size() > height) {
            c.put(rows - 4, 0, "[BOTTOM]");
        }
        c.bottom(DIALOG_KEYS);
        return c.frame(cursorRow, cursorCol, -1, 0, 0);
    }

    static Frame output(View.OutputView v, int rows, int cols) {
        Canvas c = new Canvas(rows, cols);
        c.center(0, "COMMAND STATUS");
        Runner.Output out = v.output;
        String status = out == null ? "running" : out.ok() ? "OK" : "failed";
        String stdout = out == null ? "no" : out.stdout().isEmpty() ? "no" : "yes";
        String stderr = out == null ? "no" : out.stderr().isEmpty() ? "no" : "yes";
        c.put(2, 0, pad("Command: " + status, 23) + pad("stdout: " + stdout, 22) + "stderr: " + stderr);
        c.put(4, 0, "Before command completion, additional instructions may appear below.");
        List<String> lines = out == null ? List.of() : lines(out.text());
        int first = 6;
        int height = Math.max(1, rows - 4 - first);
        v.top = Math.max(0, Math.min(v.top, lines.size() - height));
        for (int i = v.top; i < lines.size() && i < v.top + height; i++) {
            c.put(first + i - v.top, 0, lines.get(i));
        }
        if (lines.size() > height) {
            c.put(5, 0, v.top == 0 ? "[TOP]" : "[MORE..." + v.top + "]");
            int below = lines.size() - (v.top + height);
            c.put(rows - 4, 0, below > 0 ? "[MORE..." + below + "]" : "[BOTTOM]");
        }
        c.bottom(OUTPUT_KEYS);
        return c.frame(2, 0, -1, 0, 0);
    }

    /** {@code base} with {@code popup} drawn over it, the cursor in the popup. */
    static Frame popup(Frame base, Popup popup, int rows, int cols) {
        Canvas c = new Canvas(rows, cols, base.lines());
        List<String> body = new ArrayList<>();
        int selected = -1;
        String title;
        String keys;
        switch (popup) {
            case Popup.ListPopup p -> {
                title = p.field.label().strip();
                if (p.items.isEmpty()) {
                    body.add("There are no items of this type.");
                } else {
                    body.add("Move cursor to desired item and press Enter.");
                    body.add("");
                    int room = Math.max(1, rows - 12);
                    int top = Math.max(0, p.selected - room + 1);
                    for (int i = top; i < p.items.size() && i < top + room; i++) {
                        if (i == p.selected) {
                            selected = body.size();
                        }
                        body.add("  " + p.items.get(i));
                    }
                }
                keys =
                        popupKeys("F1=Help", "F2=Refresh", "F3=Cancel")
                                + "\n"
                                + popupKeys("F8=Image", "F10=Exit", "Enter=Do");
            }
            case Popup.TextPopup t -> {
                title = t.title();
                body.addAll(t.lines());
                keys =
                        popupKeys("F1=Help", "F2=Refresh", "F3=Cancel")
                                + "\n"
                                + popupKeys("F8=Image", "F10=Exit", "Enter=Do");
            }
        }
        int left = 2;
        int width = 76;
        List<String> box = new ArrayList<>();
        box.add("+" + "-".repeat(width - 2) + "+");
        box.add(boxed(centered(title, width - 4)));
        box.add(boxed(""));
        int bodyAt = box.size();
        for (String line : body) {
            box.add(boxed(line));
        }
        box.add(boxed(""));
        for (String k : keys.split("\n")) {
            box.add(boxed(k));
        }
        box.add("+" + "-".repeat(width - 2) + "+");
        int top = Math.max(0, (rows - box.size()) / 2);
        for (int i = 0; i < box.size() && top + i < rows; i++) {
            // the box and what is right of it: a field's + or # mark does not touch the frame
            c.put(top + i, left, box.get(i) + "    ");
        }
        if (selected >= 0) {
            int row = top + bodyAt + selected;
            return c.frame(
                    row,
                    left + 4,
                    row,
                    left + 4,
                    left + 4 + ((Popup.ListPopup) popup).items.get(((Popup.ListPopup) popup).selected).length());
        }
        return c.frame(top + box.size() - 1, left, -1, 0, 0);
    }

    static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        List<String> out = new ArrayList<>();
        for (String line : body.split("\n", -1)) {
            out.add(line.replace("\t", "        "));
        }
        return out;
    }

    private static String boxed(String line) {
        String inner = line.length() > 72 ? line.substring(0, 72) : line;
        return "| " + pad(inner, 72) + " |";
    }

    private static String keys(String... keys) {
        StringBuilder b = new StringBuilder();
        for (String k : keys) {
            b.append(pad(k, 20));
        }
        return b.toString().stripTrailing();
    }

    private static String popupKeys(String... keys) {
        StringBuilder b = new StringBuilder();
        for (String k : keys) {
            b.append(pad(k, 24));
        }
        return b.toString().stripTrailing();
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String centered(String s, int width) {
        return " ".repeat(Math.max(0, (width - s.length()) / 2)) + s;
    }

    /** Lines of a fixed size that text is put on at a row and column. */
    private static final class Canvas {
        private final StringBuilder[] lines;
        private final int cols;

        Canvas(int rows, int cols) {
            this(rows, cols, List.of());
        }

        Canvas(int rows, int cols, List<String> base) {
            this.cols = cols;
            lines = new StringBuilder[rows];
            for (int i = 0; i < rows; i++) {
                lines[i] = new StringBuilder(pad(i < base.size() ? base.get(i) : "", cols));
            }
        }

        void put(int row, int col, String text) {
            if (row < 0 || row >= lines.length || col >= cols) {
                return;
            }
            String t = text.length() > cols - col ? text.substring(0, cols - col) : text;
            lines[row].replace(col, col + t.length(), t);
        }

        void center(int row, String text) {
            put(row, Math.max(0, (Math.min(cols, 80) - text.length()) / 2), text);
        }

        void bottom(String keys) {
            String[] k = keys.split("\n");
            for (int i = 0; i < k.length; i++) {
                put(lines.length - k.length + i, 0, k[i]);
            }
        }

        Frame frame(int cursorRow, int cursorCol, int hlRow, int hlFrom, int hlTo) {
            List<String> out = new ArrayList<>();
            for (StringBuilder b : lines) {
                out.add(b.toString());
            }
            return new Frame(out, cursorRow, Math.min(cursorCol, cols - 1), hlRow, hlFrom, Math.min(hlTo, cols));
        }
    }
}
