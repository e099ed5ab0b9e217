package org.opensrc.cli.control;

import org.opensrc.cli.command.AixUsage;
import org.opensrc.cli.command.SrcCommand;
import org.opensrc.libsrc.client.SrcClient;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tracesoff}: turns tracing off. */
@Command(name = "tracesoff")
public final class Tracesoff extends SrcCommand {

    @Mixin TraceFlags flags;

    @Override
    protected String usage() {
        return AixUsage.of("tracesoff");
    }

    @Override
    protected String host() {
        return flags.target.host;
    }

    @Override
    protected void validate() {
        flags.validate(true);
    }

    @Override
    protected int execute(SrcClient client) {
        return print(client.control().trace(flags.request(false, false)).getOutcomesList());
    }
}
