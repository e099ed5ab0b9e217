package org.opensrc.cli.definitions;

import org.opensrc.cli.command.AixUsage;
import org.opensrc.libsrc.client.SrcClient;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code rmnotify -n name}: removes a notify method. */
@Command(name = "rmnotify")
public final class Rmnotify extends DefinitionCommand {

    @Option(names = "-n")
    String name;

    @Override
    protected String usage() {
        return AixUsage.of("rmnotify");
    }

    @Override
    protected void validate() {
        Removal.requireName(name);
    }

    @Override
    protected int execute(SrcClient client) {
        return print(List.of(Removal.remove(name, client.definitions()::removeNotify)));
    }
}
