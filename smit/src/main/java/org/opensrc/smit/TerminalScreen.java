package org.opensrc.smit;

import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The real terminal: raw mode on the alternate screen, frames drawn by JLine's {@link Display} (it sends only what
 * changed, with the terminfo of $TERM), no colour, reverse video for the item under the cursor. Restores the terminal
 * on close.
 */
final class TerminalScreen implements AutoCloseable {
    private final Terminal terminal;
    private final Attributes saved;
    private final Display display;
    private final Keyboard keyboard;

    private TerminalScreen(Terminal terminal) {
        this.terminal = terminal;
        this.saved = terminal.enterRawMode();
        this.display = new Display(terminal, true);
        this.keyboard = new Keyboard(terminal);
        enter();
    }

    static TerminalScreen open() throws IOException {
        Terminal t = TerminalBuilder.builder().system(true).dumb(false).build();
        if (Terminal.TYPE_DUMB.equals(t.getType()) || Terminal.TYPE_DUMB_COLOR.equals(t.getType())) {
            t.close();
            throw new IllegalStateException("not a terminal, or TERM=dumb");
        }
        return new TerminalScreen(t);
    }

    void run(Session session) throws IOException {
        while (!session.done()) {
            draw(session);
            if (session.hasPending()) {
                session.runPending();
                continue;
            }
            Key key = keyboard.read();
            if (key == null) {
                return;
            }
            if (key == Key.F2) {
                display.clear();
                terminal.puts(Capability.clear_screen);
            }
            session.handle(key, keyboard.typed());
            if (session.takeShell()) {
                shell();
            }
        }
    }

    private void draw(Session session) {
        Size size = terminal.getSize();
        int rows = size.getRows() > 0 ? size.getRows() : 24;
        int cols = size.getColumns() > 0 ? size.getColumns() : 80;
        display.resize(Size.of(cols, rows));
        Frame f = session.frame(rows, cols);
        List<AttributedString> lines = new ArrayList<>();
        for (int i = 0; i < f.lines().size(); i++) {
            String line = f.lines().get(i);
            // the last column of the last line is left blank: writing it scrolls some terminals
            if (i == f.lines().size() - 1 && line.length() >= cols) {
                line = line.substring(0, cols - 1);
            }
            if (i == f.highlightRow() && f.highlightTo() > f.highlightFrom()) {
                AttributedStringBuilder b = new AttributedStringBuilder();
                b.append(line.substring(0, f.highlightFrom()));
                b.style(AttributedStyle.INVERSE).append(line.substring(f.highlightFrom(), f.highlightTo()));
                b.style(AttributedStyle.DEFAULT).append(line.substring(f.highlightTo()).stripTrailing());
                lines.add(b.toAttributedString());
            } else {
                lines.add(new AttributedString(line.stripTrailing()));
            }
        }
        display.update(lines, size.cursorPos(f.cursorRow(), f.cursorCol()));
        terminal.flush();
    }

    /** F9: a shell on the normal screen; smitty's screen comes back when it exits. */
    private void shell() {
        leave();
        terminal.setAttributes(saved);
        String sh = System.getenv("SHELL");
        try {
            new ProcessBuilder(sh != null && !sh.isEmpty() ? sh : "/bin/sh").inheritIO().start().waitFor();
        } catch (IOException e) {
            terminal.writer().println("smitty: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        terminal.enterRawMode();
        enter();
    }

    private void enter() {
        terminal.puts(Capability.enter_ca_mode);
        terminal.puts(Capability.keypad_xmit);
        terminal.puts(Capability.clear_screen);
        terminal.flush();
        display.clear();
    }

    private void leave() {
        terminal.puts(Capability.clear_screen);
        terminal.puts(Capability.keypad_local);
        terminal.puts(Capability.exit_ca_mode);
        terminal.flush();
    }

    @Override
    public void close() throws IOException {
        leave();
        terminal.setAttributes(saved);
        terminal.close();
    }
}
