package org.opensrc.cli.control;

import org.opensrc.cli.command.Flags;

/**
 * The flags that say which subsystems a control command acts on ({@code -s}, {@code -g}, {@code -p}) and on which host
 * ({@code -h}); shared by startsrc, stopsrc, lssrc, refresh, traceson and tracesoff. Each command checks which
 * combinations it allows. Each command declares them on its own table.
 */
final class TargetFlags {

    String subsystem;

    String group;

    Integer pid;

    String host;

    /** Declares these flags on a command's table. */
    void declare(Flags flags) {
        flags.text("-s", v -> subsystem = v);
        flags.text("-g", v -> group = v);
        flags.number("-p", v -> pid = v);
        flags.text("-h", v -> host = v);
    }
}
