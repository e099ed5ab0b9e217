package org.opensrc.cli.definitions;

import org.opensrc.cli.command.AixUsage;
import org.opensrc.cli.command.Flags;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.proto.v1.SubserverChange;
import org.opensrc.proto.v1.SubserverDef;

import java.util.ArrayList;
import java.util.List;

/** {@code chserver -t old [-c code] [-s subsystem] [-t new]}: changes a subserver. */
public final class Chserver extends DefinitionCommand {

    List<String> types = new ArrayList<>();

    Integer code;

    String subsystem;

    @Override
    protected void declare(Flags flags) {
        flags.texts("-t", types::add);
        flags.number("-c", v -> code = v);
        flags.text("-s", v -> subsystem = v);
    }

    @Override
    protected String usage() {
        return AixUsage.of("chserver");
    }

    @Override
    protected void validate() {
        if (types.isEmpty() || types.size() > 2 || (types.size() == 1 && code == null && subsystem == null)) {
            throw new UsageException(null);
        }
    }

    @Override
    protected int execute(SrcClient client) {
        var values = SubserverDef.newBuilder();
        var change = SubserverChange.newBuilder().setSubType(types.get(0));
        if (types.size() == 2) {
            values.setSubType(types.get(1));
            change.addFields("sub_type");
        }
        if (code != null) {
            values.setSubCode(code);
            change.addFields("sub_code");
        }
        if (subsystem != null) {
            values.setSubsysname(subsystem);
            change.addFields("subsysname");
        }
        return print(List.of(client.definitions().changeSubserver(change.setValues(values).build()).getOutcome()));
    }
}
