package org.opensrc.cli.definitions;

import org.opensrc.cli.command.AixUsage;
import org.opensrc.cli.command.Flags;
import org.opensrc.libsrc.client.SrcClient;

import java.util.List;

/** {@code rmssys -s name}: removes a subsystem with its subservers and notify method. */
public final class Rmssys extends DefinitionCommand {

    String name;

    @Override
    protected void declare(Flags flags) {
        flags.text("-s", v -> name = v);
    }

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
