package org.opensrc.smit;

import java.util.List;

/**
 * One screen: its lines, where the cursor stands, and the part of one line shown in reverse video (the menu item or
 * list entry under the cursor; {@code highlightRow} -1 for none).
 */
record Frame(List<String> lines, int cursorRow, int cursorCol, int highlightRow, int highlightFrom, int highlightTo) {
    Frame {
        lines = List.copyOf(lines);
    }
}
