package org.opensrc.cli.definitions;

import org.opensrc.cli.command.AixUsage;
import org.opensrc.libsrc.client.SrcClient;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mkssys}: adds a subsystem definition. */
@Command(name = "mkssys")
public final class Mkssys extends DefinitionCommand {

    @Option(names = "-s")
    String name;

    @Mixin SubsystemFlags flags;

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
