package org.opensrc.cli.control;

import org.opensrc.cli.command.AixUsage;
import org.opensrc.cli.command.SrcCommand;
import org.opensrc.cli.command.Targets;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.proto.v1.StopKind;
import org.opensrc.proto.v1.StopRequest;
import org.opensrc.proto.v1.SubserverStopRequest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;

/** {@code stopsrc}: normal, forced ({@code -f}) or cancel ({@code -c}) stop. */
@Command(name = "stopsrc")
public final class Stopsrc extends SrcCommand {

    @Option(names = "-a")
    boolean all;

    @Mixin TargetFlags target;

    @Option(names = "-f")
    boolean forced;

    @Option(names = "-c")
    boolean cancel;

    @Option(names = "-t")
    String type;

    @Option(names = "-o")
    String object;

    @Option(names = "-P")
    Integer subserverPid;

    @Option(names = "--wait", arity = "0..1", fallbackValue = "60")
    Integer waitSeconds;

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
