package org.opensrc.cli.control;

import org.opensrc.cli.command.SrcCommand;
import org.opensrc.libsrc.client.SrcClient;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code traceson [-l]}: turns tracing on (long with {@code -l}). */
@Command(name = "traceson")
public final class Traceson extends SrcCommand {

    @Mixin TraceFlags flags;

    @Option(names = "-l")
    boolean longTrace;

    @Override
    protected String usage() {
        return String.join(
                "\n",
                "Usage: traceson [-h host] [-l] {-g group_name | -p subsystem_pid | -s subsystem_name}",
                "       traceson [-h host] [-l] -t subserver_type [-o subserver_object] [-p subsystem_pid] [-P subserver_pid]");
    }

    @Override
    protected String host() {
        return flags.target.host;
    }

    @Override
    protected void validate() {
        flags.validate();
    }

    @Override
    protected int execute(SrcClient client) {
        return print(client.control().trace(flags.request(true, longTrace)).getOutcomesList());
    }
}
