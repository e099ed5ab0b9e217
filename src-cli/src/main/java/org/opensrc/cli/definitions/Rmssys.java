package org.opensrc.cli.definitions;

import org.opensrc.cli.command.AixUsage;
import org.opensrc.libsrc.client.SrcClient;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code rmssys -s name}: removes a subsystem with its subservers and notify method. */
@Command(name = "rmssys")
public final class Rmssys extends DefinitionCommand {

    @Option(names = "-s")
    String name;

    @Override
    protected String usage() {
        return AixUsage.of("rmssys");
    }

    @Override
    protected void validate() {
        Removal.requireName(name);
    }

    @Override
    protected int execute(SrcClient client) {
        return print(List.of(Removal.remove(name, client.definitions()::removeSubsystem)));
    }
}
