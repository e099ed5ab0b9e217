package org.opensrc.cli.definitions;

import org.opensrc.cli.command.AixUsage;
import org.opensrc.cli.command.Flags;
import org.opensrc.libsrc.client.SrcClient;

/** {@code mkssys}: adds a subsystem definition. */
public final class Mkssys extends DefinitionCommand {

    String name;

    final SubsystemFlags flags = new SubsystemFlags();

    @Override
    protected void declare(Flags flags) {
        flags.text("-s", v -> name = v);
        this.flags.declare(flags);
    }

    @Override
    protected String usage() {
        return AixUsage.of(
                "mkssys",
                "Beyond AIX: [--backoff [--backoff-initial-ms ms] [--backoff-max-ms ms]] [--kill-escalation] [--readiness]");
    }

    @Override
    protected void validate() {
        flags.validate(err());
        if (name == null || flags.path == null || flags.user == null) {
            throw new UsageException(null);
        }
    }

    @Override
    protected int execute(SrcClient client) {
        var def = AixDefaults.subsystem().setSubsysname(name);
        flags.applyTo(def);
        return printDefinition(client.definitions().addSubsystem(def.build()).getOutcome());
    }
}
