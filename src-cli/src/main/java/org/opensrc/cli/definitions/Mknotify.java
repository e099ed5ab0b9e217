package org.opensrc.cli.definitions;

import org.opensrc.cli.command.AixUsage;
import org.opensrc.cli.command.Flags;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.proto.v1.NotifyDef;

import java.util.List;

/** {@code mknotify -n name -m method}: adds a notify method for a subsystem or group. */
public final class Mknotify extends DefinitionCommand {

    String name;

    String method;

    @Override
    protected void declare(Flags flags) {
        flags.text("-n", v -> name = v);
        flags.text("-m", v -> method = v);
    }

    @Override
    protected String usage() {
        return AixUsage.of("mknotify");
    }

    @Override
    protected void validate() {
        if (name == null || method == null) {
            throw new UsageException(null);
        }
    }

    @Override
    protected int execute(SrcClient client) {
        var def = NotifyDef.newBuilder().setNotifyname(name).setNotifymethod(method).build();
        return print(List.of(client.definitions().addNotify(def).getOutcome()));
    }
}
