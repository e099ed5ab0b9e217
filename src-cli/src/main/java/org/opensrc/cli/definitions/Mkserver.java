package org.opensrc.cli.definitions;

import org.opensrc.cli.command.AixUsage;
import org.opensrc.cli.command.Flags;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.proto.v1.SubserverDef;

import java.util.List;

/** {@code mkserver -c code -s subsystem -t type}: adds a subserver definition. */
public final class Mkserver extends DefinitionCommand {

    Integer code;

    String subsystem;

    String type;

    @Override
    protected void declare(Flags flags) {
        flags.number("-c", v -> code = v);
        flags.text("-s", v -> subsystem = v);
        flags.text("-t", v -> type = v);
    }

    @Override
    protected String usage() {
        return AixUsage.of("mkserver");
    }

    @Override
    protected void validate() {
        if (code == null || subsystem == null || type == null) {
            throw new UsageException(null);
        }
    }

    @Override
    protected int execute(SrcClient client) {
        var def = SubserverDef.newBuilder().setSubType(type).setSubsysname(subsystem).setSubCode(code).build();
        return print(List.of(client.definitions().addSubserver(def).getOutcome()));
    }
}
