package org.opensrc.cli.tcpip;

import org.opensrc.cli.command.SrcCommand;
import org.opensrc.cli.command.Targets;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.libsrc.conffile.AtomicFile;
import org.opensrc.proto.v1.StartRequest;
import org.opensrc.proto.v1.StopKind;
import org.opensrc.proto.v1.StopRequest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code chrctcp}: enables ({@code -a}) or disables ({@code -d}) a daemon's start line in rc.tcpip, and with {@code -S}
 * also starts or stops it now through SRC ({@code startsrc -s}, {@code stopsrc -s}).
 */
@Command(name = "chrctcp")
public final class Chrctcp extends SrcCommand {

    @Option(names = "-a")
    boolean enable;

    @Option(names = "-d")
    boolean disable;

    @Option(names = "-S")
    boolean now;

    @Option(names = "-c")
    boolean change;

    @Option(names = "-s")
    boolean show;

    @Option(names = "-f")
    List<String> attributes = new ArrayList<>();

    @Parameters List<String> daemons = new ArrayList<>();

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
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Refusal("chrctcp: cannot read " + file + ": " + e.getMessage());
        }
        RcTcpipEditor.Result result = enable ? RcTcpipEditor.enable(text, daemon) : RcTcpipEditor.disable(text, daemon);
        RcTcpipEditor.StartLine line =
                switch (result) {
                    case RcTcpipEditor.Refused r -> throw new Refusal("chrctcp: " + file + ": " + r.problem());
                    case RcTcpipEditor.Unchanged u -> u.line().orElse(null);
                    case RcTcpipEditor.Changed c -> {
                        write(file, c.text());
                        yield c.line();
                    }
                };
        if (!now) {
            return 0;
        }
        String name = line != null ? line.name() : daemon.substring(daemon.lastIndexOf('/') + 1);
        if (enable) {
            var request = StartRequest.newBuilder().setTarget(Targets.subsystem(name));
            if (!line.args().isEmpty()) {
                request.setArgs(String.join(" ", line.args()));
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

    private static void write(Path file, String text) {
        try {
            AtomicFile.replace(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Refusal("chrctcp: cannot write " + file + ": " + e.getMessage());
        }
    }
}
