package org.opensrc.cli.control;

import org.opensrc.cli.command.AixUsage;
import org.opensrc.cli.command.Flags;
import org.opensrc.cli.command.SrcCommand;
import org.opensrc.libsrc.client.SrcClient;

/** {@code traceson [-l]}: turns tracing on (long with {@code -l}). */
public final class Traceson extends SrcCommand {

    final TraceFlags flags = new TraceFlags();

    boolean longTrace;

    @Override
    protected void declare(Flags flags) {
        this.flags.declare(flags);
        flags.flag("-l", () -> longTrace = true);
    }

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
