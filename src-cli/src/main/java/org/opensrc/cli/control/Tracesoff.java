package org.opensrc.cli.control;

import org.opensrc.cli.command.AixUsage;
import org.opensrc.cli.command.Flags;
import org.opensrc.cli.command.SrcCommand;
import org.opensrc.libsrc.client.SrcClient;

/** {@code tracesoff}: turns tracing off. */
public final class Tracesoff extends SrcCommand {

    final TraceFlags flags = new TraceFlags();

    @Override
    protected void declare(Flags flags) {
        this.flags.declare(flags);
    }

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
