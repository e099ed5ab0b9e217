package org.opensrc.cli.control;

import org.opensrc.cli.command.AixUsage;
import org.opensrc.cli.command.Flags;
import org.opensrc.cli.command.SrcCommand;
import org.opensrc.cli.command.Targets;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.proto.v1.StopKind;
import org.opensrc.proto.v1.StopRequest;
import org.opensrc.proto.v1.SubserverStopRequest;

import java.time.Duration;

/** {@code stopsrc}: normal, forced ({@code -f}) or cancel ({@code -c}) stop. */
public final class Stopsrc extends SrcCommand {

    boolean all;

    final TargetFlags target = new TargetFlags();

    boolean forced;

    boolean cancel;

    String type;

    String object;

    Integer subserverPid;

    Integer waitSeconds;

    @Override
    protected void declare(Flags flags) {
        flags.flag("-a", () -> all = true);
        target.declare(flags);
        flags.flag("-f", () -> forced = true);
        flags.flag("-c", () -> cancel = true);
        flags.text("-t", v -> type = v);
        flags.text("-o", v -> object = v);
        flags.number("-P", v -> subserverPid = v);
        flags.optionalNumber("--wait", "60", v -> waitSeconds = v);
    }

    @Override
    protected String usage() {
        return AixUsage.of("stopsrc", "Beyond AIX: --wait[=seconds] waits until the processes have ended.");
    }

    @Override
    protected String host() {
        return target.host;
    }

    @Override
    protected void validate() {
        if (forced && cancel) {
            throw new UsageException(null);
        }
        if (type != null) {
            if (cancel
                    || all
                    || target.group != null
                    || target.subsystem != null
                    || (object != null && subserverPid != null)) {
                throw new UsageException(null);
            }
            return;
        }
        if (object != null
                || subserverPid != null
                || Targets.count(all, target.group, target.pid, target.subsystem) != 1) {
            throw new UsageException(null);
        }
    }

    @Override
    protected int execute(SrcClient client) {
        if (type != null) {
            return print(
                    client.control()
                            .stopSubserver(
                                    SubserverStopRequest.newBuilder()
                                            .setSubserver(Targets.subserver(type, object, subserverPid, target.pid))
                                            .setForced(forced)
                                            .build())
                            .getOutcomesList());
        }
        var request =
                StopRequest.newBuilder()
                        .setTarget(Targets.of(target.subsystem, target.group, all, target.pid))
                        .setKind(
                                cancel
                                        ? StopKind.STOP_KIND_CANCEL
                                        : forced ? StopKind.STOP_KIND_FORCED : StopKind.STOP_KIND_NORMAL);
        if (waitSeconds != null) {
            request.setWaitMs(waitSeconds * 1000L);
        }
        return print(client.control(Duration.ofMillis(request.getWaitMs())).stop(request.build()).getOutcomesList());
    }
}
