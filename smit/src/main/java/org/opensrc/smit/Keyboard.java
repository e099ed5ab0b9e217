package org.opensrc.smit;

import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

/**
 * Reads keys: the terminal's own sequences (terminfo), the xterm/vt100/linux-console ones beside them (tmux sends
 * xterm's whatever TERM says), and SMIT's Esc+digit for terminals without function keys (Esc 1 = F1 … Esc 0 = F10).
 */
final class Keyboard {
    private static final String ESC = "\033";
    private final KeyMap<Key> map = new KeyMap<>();
    private final BindingReader reader;

    Keyboard(Terminal terminal) {
        reader = new BindingReader(terminal.reader());
        map.setAmbiguousTimeout(200);
        for (char c = ' '; c <= '~'; c++) {
            map.bind(Key.CHAR, String.valueOf(c));
        }
        map.setUnicode(Key.CHAR);
        Key[] f = {Key.F1, Key.F2, Key.F3, Key.F4, Key.F5, Key.F6, Key.F7, Key.F8, Key.F9, Key.F10};
        Capability[] caps = {
            Capability.key_f1, Capability.key_f2, Capability.key_f3, Capability.key_f4, Capability.key_f5,
            Capability.key_f6, Capability.key_f7, Capability.key_f8, Capability.key_f9, Capability.key_f10
        };
        String[] xterm = {"OP", "OQ", "OR", "OS", "[15~", "[17~", "[18~", "[19~", "[20~", "[21~"};
        String[] vt = {"[11~", "[12~", "[13~", "[14~", "[15~", "[17~", "[18~", "[19~", "[20~", "[21~"};
        String[] linux = {"[[A", "[[B", "[[C", "[[D", "[[E", "[17~", "[18~", "[19~", "[20~", "[21~"};
        for (int i = 0; i < f.length; i++) {
            bind(terminal, f[i], caps[i]);
            map.bind(f[i], ESC + xterm[i], ESC + vt[i], ESC + linux[i], ESC + ((i + 1) % 10));
        }
        map.bind(Key.ENTER, "\r", "\n");
        map.bind(Key.TAB, "\t");
        map.bind(Key.BACK_TAB, ESC + "[Z");
        map.bind(Key.BACKSPACE, "\177", "\b");
        map.bind(Key.UP, ESC + "[A", ESC + "OA");
        map.bind(Key.DOWN, ESC + "[B", ESC + "OB");
        map.bind(Key.RIGHT, ESC + "[C", ESC + "OC");
        map.bind(Key.LEFT, ESC + "[D", ESC + "OD");
        map.bind(Key.HOME, ESC + "[H", ESC + "OH", ESC + "[1~", ESC + "[7~");
        map.bind(Key.END, ESC + "[F", ESC + "OF", ESC + "[4~", ESC + "[8~");
        map.bind(Key.DELETE, ESC + "[3~");
        map.bind(Key.PAGE_UP, ESC + "[5~");
        map.bind(Key.PAGE_DOWN, ESC + "[6~");
        map.bind(Key.F2, KeyMap.ctrl('L'));
        bind(terminal, Key.UP, Capability.key_up);
        bind(terminal, Key.DOWN, Capability.key_down);
        bind(terminal, Key.LEFT, Capability.key_left);
        bind(terminal, Key.RIGHT, Capability.key_right);
        bind(terminal, Key.HOME, Capability.key_home);
        bind(terminal, Key.END, Capability.key_end);
        bind(terminal, Key.DELETE, Capability.key_dc);
        bind(terminal, Key.PAGE_UP, Capability.key_ppage);
        bind(terminal, Key.PAGE_DOWN, Capability.key_npage);
        bind(terminal, Key.BACKSPACE, Capability.key_backspace);
        map.setNomatch(Key.NONE);
    }

    private void bind(Terminal terminal, Key key, Capability cap) {
        String seq = KeyMap.key(terminal, cap);
        if (seq != null && !seq.isEmpty()) {
            map.bind(key, seq);
        }
    }

    /** The next key; null at end of input. */
    Key read() {
        return reader.readBinding(map);
    }

    /** The characters of the last key read (the typed character for {@link Key#CHAR}). */
    String typed() {
        return reader.getLastBinding();
    }
}
