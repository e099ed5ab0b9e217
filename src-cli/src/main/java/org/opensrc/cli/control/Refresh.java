package org.opensrc.cli.control;

import org.opensrc.cli.command.AixUsage;
import org.opensrc.cli.command.Flags;
import org.opensrc.cli.command.SrcCommand;
import org.opensrc.cli.command.Targets;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.proto.v1.RefreshRequest;

/** {@code refresh}: asks a subsystem to re-read its configuration. */
public final class Refresh extends SrcCommand {

    final TargetFlags target = new TargetFlags();

    @Override
    protected void declare(Flags flags) {
        target.declare(flags);
    }

    @Override
    protected String usage() {
        return AixUsage.of("refresh");
    }

    @Override
    protected String host() {
        return target.host;
    }

    @Override
    protected void validate() {
        if (Targets.count(target.group, target.pid, target.subsystem) != 1) {
            throw new UsageException(null);
        }
    }

    @Override
    protected int execute(SrcClient client) {
        return print(
                client.control()
                        .refresh(
                                RefreshRequest.newBuilder()
                                        .setTarget(Targets.of(target.subsystem, target.group, false, target.pid))
                                        .build())
                        .getOutcomesList());
    }
}
