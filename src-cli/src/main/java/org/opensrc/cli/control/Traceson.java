package org.opensrc.cli.control;

import org.opensrc.cli.command.AixUsage;
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
        return AixUsage.of("traceson");
    }

    @Override
    protected String host() {
        return flags.target.host;
    }

    @Override
    protected void validate() {
        flags.validate(false);
    }

    @Override
    protected int execute(SrcClient client) {
        return print(client.control().trace(flags.request(true, longTrace)).getOutcomesList());
    }
}
