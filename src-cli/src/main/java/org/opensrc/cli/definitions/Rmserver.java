package org.opensrc.cli.definitions;

import org.opensrc.cli.command.AixUsage;
import org.opensrc.cli.command.Flags;
import org.opensrc.libsrc.client.SrcClient;

import java.util.List;

/** {@code rmserver -t type}: removes a subserver definition. */
public final class Rmserver extends DefinitionCommand {

    String type;

    @Override
    protected void declare(Flags flags) {
        flags.text("-t", v -> type = v);
    }

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
