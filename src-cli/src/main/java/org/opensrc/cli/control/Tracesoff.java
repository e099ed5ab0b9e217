package org.opensrc.cli.control;

import picocli.CommandLine.Command;

/** {@code tracesoff}: turns tracing off. */
@Command(name = "tracesoff")
public final class Tracesoff extends TraceCommand {

    @Override
    boolean on() {
        return false;
    }

    @Override
    boolean longTrace() {
        return false;
    }

    @Override
    protected String usage() {
        return String.join("\n",
                "Usage: tracesoff [-h host] {-g group_name | -p subsystem_pid | -s subsystem_name}",
                "       tracesoff [-h host] -t subserver_type [-o subserver_object] [-p subsystem_pid] [-P subserver_pid]");
    }
}
