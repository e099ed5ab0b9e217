package org.opensrc.cli.definitions;

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
        return String.join(
                "\n",
                "Usage: mkssys {-p path -s subsystem_name -u uid} [-a arguments] [-e stderr] [-i stdin]",
                "       [-o stdout] [-t synonym] [-O | -R] [-d | -D] [-q | -Q]",
                "       [-K | [-I message_queue -m message_type | -f stop_force -n stop_normal -S]]",
                "       [-E nice] [-G group] [-w wait]",
                "       [--backoff [--backoff-initial-ms MS] [--backoff-max-ms MS]] [--kill-escalation] [--readiness]");
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
