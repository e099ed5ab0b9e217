package org.opensrc.smit;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The text smitty appends to {@code smit.log} and {@code smit.script}, in AIX SMIT's layout: a bracketed time stamp per
 * event, panels as "(Menu screen selected, …)" stanzas, commands after "Command_to_Execute follows below:" with their
 * output between "---- start ----" and "---- end ----"; smit.script holds each command as a shell line under a
 * commented time stamp.
 */
final class SmitRecords {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMM dd yyyy, HH:mm:ss", Locale.ROOT);

    private SmitRecords() {}

    static String stamp(ZonedDateTime now) {
        return "[" + STAMP.format(now) + "]";
    }

    static String started(ZonedDateTime now) {
        return "\n" + stamp(now) + "\n    Starting SMIT\n";
    }

    static String exited(ZonedDateTime now) {
        return "\n" + stamp(now) + "\n    Exiting SMIT\n";
    }

    static String panel(Panel panel) {
        String kind =
                switch (panel) {
                    case Panel.Menu m -> "Menu";
                    case Panel.Dialog d -> "Dialogue";
                    case Panel.Selector s -> "Selector";
                };
        return "\n("
                + kind
                + " screen selected,\n        FastPath = \""
                + panel.id()
                + "\",\n        id = \""
                + panel.id()
                + "\",\n        title = \""
                + panel.title()
                + "\".)\n";
    }

    static String command(ZonedDateTime now, List<String> argv, Runner.Output output) {
        StringBuilder b = new StringBuilder();
        b.append('\n').append(stamp(now)).append('\n');
        b.append("Command_to_Execute follows below:\n>> ").append(CommandLine.shellLine(argv)).append("\n\n");
        b.append("Output from Command_to_Execute follows below:\n---- start ----\n");
        b.append(output.text());
        if (!output.text().isEmpty() && !output.text().endsWith("\n")) {
            b.append('\n');
        }
        b.append("---- end ----\n");
        return b.toString();
    }

    static String image(ZonedDateTime now, List<String> screen) {
        StringBuilder b = new StringBuilder("\n").append(stamp(now)).append("\n    Screen image:\n");
        for (String line : screen) {
            b.append(line.stripTrailing()).append('\n');
        }
        return b.toString();
    }

    static String script(ZonedDateTime now, List<String> argv) {
        return "#\n# " + stamp(now) + "\n#\n" + CommandLine.shellLine(argv) + "\n\n";
    }
}
