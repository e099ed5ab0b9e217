package org.opensrc.cli.definitions;

import org.opensrc.cli.command.AixUsage;
import org.opensrc.libsrc.client.SrcClient;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code rmserver -t type}: removes a subserver definition. */
@Command(name = "rmserver")
public final class Rmserver extends DefinitionCommand {

    @Option(names = "-t")
    String type;

    @Override
    protected String usage() {
        return AixUsage.of("rmserver");
    }

    @Override
    protected void validate() {
        Removal.requireName(type);
    }

    @Override
    protected int execute(SrcClient client) {
        return print(List.of(Removal.remove(type, client.definitions()::removeSubserver)));
    }
}
