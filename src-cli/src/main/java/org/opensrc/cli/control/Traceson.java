package org.opensrc.cli.control;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code traceson [-l]}: turns tracing on (long with {@code -l}). */
@Command(name = "traceson")
public final class Traceson extends TraceCommand {

    @Option(names = "-l") boolean longTrace;

    @Override
    boolean on() {
        return true;
    }

    @Override
    boolean longTrace() {
        return longTrace;
    }

    @Override
    protected String usage() {
        return String.join("\n",
                "Usage: traceson [-h host] [-l] {-g group_name | -p subsystem_pid | -s subsystem_name}",
                "       traceson [-h host] [-l] -t subserver_type [-o subserver_object] [-p subsystem_pid] [-P subserver_pid]");
    }
}
