package org.opensrc.cli.tcpip;

import io.grpc.StatusRuntimeException;

import org.opensrc.cli.command.Flags;
import org.opensrc.cli.command.SrcCommand;
import org.opensrc.cli.command.Targets;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.libsrc.conffile.AtomicFile;
import org.opensrc.proto.v1.ListSubsystemsRequest;
import org.opensrc.proto.v1.StartRequest;
import org.opensrc.proto.v1.StopKind;
import org.opensrc.proto.v1.StopRequest;
import org.opensrc.proto.v1.SubsystemDef;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code chrctcp}: enables ({@code -a}) or disables ({@code -d}) a daemon's start line in rc.tcpip, and with {@code -S}
 * also starts or stops it now through SRC ({@code startsrc -s}, {@code stopsrc -s}).
 */
public final class Chrctcp extends SrcCommand {

    boolean enable;

    boolean disable;

    boolean now;

    boolean change;

    boolean show;

    List<String> attributes = new ArrayList<>();

    List<String> daemons = new ArrayList<>();

    @Override
    protected void declare(Flags flags) {
        flags.flag("-a", () -> enable = true);
        flags.flag("-d", () -> disable = true);
        flags.flag("-S", () -> now = true);
        flags.flag("-c", () -> change = true);
        flags.flag("-s", () -> show = true);
        flags.texts("-f", attributes::add);
        flags.operands(daemons::add);
    }

    @Override
    protected String usage() {
        return "Usage: chrctcp [-S] {-a | -d} daemon";
    }

    @Override
    protected void validate() {
        if (change || show) {
            throw new Refusal(
                    "chrctcp: "
                            + (change ? "-c (change a daemon's attributes)" : "-s (show a daemon's attributes)")
                            + " is not supported; the daemon's arguments are the words after \"$src_running\" on its"
                            + " start line in rc.tcpip");
        }
        if (enable == disable || daemons.size() != 1 || daemons.getFirst().isBlank()) {
            throw new UsageException(null);
        }
        if (!attributes.isEmpty()) {
            throw new Refusal(
                    "chrctcp: attribute "
                            + attributes.getFirst().split("=", 2)[0]
                            + " is not supported for "
                            + daemons.getFirst()
                            + "; the daemon's arguments are the words after \"$src_running\" on its start line in"
                            + " rc.tcpip");
        }
    }

    @Override
    protected int execute(SrcClient client) {
        String daemon = daemons.getFirst();
        Path file = RcTcpipFile.locate(environment().paths(), environment().env());
        List<RcTcpipEditor.StartLine> line = new ArrayList<>(1);
        try {
            AtomicFile.edit(
                    file,
                    text ->
                            switch (edit(client, text, daemon)) {
                                case RcTcpipEditor.Refused r ->
                                        throw new Refusal("chrctcp: " + file + ": " + r.problem());
                                case RcTcpipEditor.Unchanged u -> {
                                    u.line().ifPresent(line::add);
                                    yield null;
                                }
                                case RcTcpipEditor.Changed c -> {
                                    line.add(c.line());
                                    yield c.text();
                                }
                            });
        } catch (IOException e) {
            throw new Refusal("chrctcp: cannot edit " + file + ": " + e.getMessage());
        }
        if (!now) {
            return 0;
        }
        String name = daemon.substring(daemon.lastIndexOf('/') + 1);
        if (enable) {
            var request = StartRequest.newBuilder().setTarget(Targets.subsystem(name));
            List<String> args = line.isEmpty() ? List.of() : line.getFirst().args();
            if (!args.isEmpty()) {
                request.setArgs(String.join(" ", args));
            }
            return print(client.control().start(request.build()).getOutcomesList());
        }
        return print(
                client.control()
                        .stop(
                                StopRequest.newBuilder()
                                        .setTarget(Targets.subsystem(name))
                                        .setKind(StopKind.STOP_KIND_NORMAL)
                                        .build())
                        .getOutcomesList());
    }

    /** The edit of the daemon's line; a daemon without a line of its name is looked for by its subsystem's program. */
    private RcTcpipEditor.Result edit(SrcClient client, String text, String daemon) {
        RcTcpipEditor.Result result = edit(text, daemon);
        if (noStartLine(result)) {
            // the subsystem of that name may run a program of another name (xntpd is chronyd)
            Optional<String> path = definedPath(client, daemon);
            if (path.isPresent()) {
                RcTcpipEditor.Result byPath = edit(text, path.get());
                return noStartLine(byPath) ? result : byPath;
            }
        }
        return result;
    }

    private RcTcpipEditor.Result edit(String text, String daemon) {
        return enable ? RcTcpipEditor.enable(text, daemon) : RcTcpipEditor.disable(text, daemon);
    }

    private static boolean noStartLine(RcTcpipEditor.Result result) {
        return switch (result) {
            case RcTcpipEditor.Refused r -> true;
            case RcTcpipEditor.Unchanged u -> u.line().isEmpty();
            case RcTcpipEditor.Changed c -> false;
        };
    }

    /** The program of the subsystem named {@code daemon}, when srcmstr answers and has one. */
    private static Optional<String> definedPath(SrcClient client, String daemon) {
        if (daemon.contains("/")) {
            return Optional.empty();
        }
        try {
            return client
                    .definitions()
                    .listSubsystems(ListSubsystemsRequest.newBuilder().setSubsysname(daemon).build())
                    .getSubsystemsList()
                    .stream()
                    .map(SubsystemDef::getPath)
                    .filter(p -> p.startsWith("/"))
                    .findFirst();
        } catch (StatusRuntimeException e) {
            return Optional.empty();
        }
    }
}
