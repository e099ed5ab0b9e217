package org.opensrc.inetd.control;

import org.opensrc.libsrc.subsystem.Reply;
import org.opensrc.libsrc.subsystem.SrcHandler;
import org.opensrc.libsrc.subsystem.StatusRows;
import org.opensrc.libsrc.subsystem.SubserverReply;
import org.opensrc.proto.v1.ServiceCounters;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.proto.v1.Status;
import org.opensrc.proto.v1.StatusRow;
import org.opensrc.proto.v1.SubserverCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * inetd's answers to SRC requests. Its subservers are its services (SRCsubsvr code point = port; matched by name):
 * {@code startsrc -t} uncomments the service's line and reloads, {@code stopsrc -t} comments it out ({@code -f} also
 * kills its running servers), {@code lssrc -ls inetd} shows debug state, signals and one row per service, {@code
 * refresh} re-reads the file by diff, {@code traceson}/{@code tracesoff} log every connection or stop doing so, and the
 * service counters request (srcmstr's {@code /metrics}) gets the counters {@code lssrc -ls} shows. A stop request ends
 * inetd; a normal stop leaves running sessions alone, a forced stop kills them.
 */
public final class InetdSrcHandler implements SrcHandler {

    private final InetdControl inetd;
    private final CompletableFuture<Boolean> stopRequested = new CompletableFuture<>();

    public InetdSrcHandler(InetdControl inetd) {
        this.inetd = inetd;
    }

    /** Completes with {@code true} for a forced stop, {@code false} for a normal one. */
    public CompletableFuture<Boolean> stopRequested() {
        return stopRequested;
    }

    @Override
    public Reply stop(boolean forced) {
        stopRequested.complete(forced);
        return Reply.ok();
    }

    @Override
    public List<StatusRow> longStatus() {
        InetdSnapshot snapshot = inetd.snapshot();
        List<StatusRow> rows = new ArrayList<>();
        rows.add(StatusRows.blank());
        rows.add(StatusRows.row("Debug", snapshot.trace() ? "Active" : "Not active"));
        rows.add(StatusRows.blank());
        rows.add(StatusRows.row("Signal", "Purpose"));
        rows.add(StatusRows.row("SIGHUP", "Rereads the configuration database and reconfigures services."));
        rows.add(StatusRows.row("SIGTERM", "Stops listening and exits; running services are left alone."));
        rows.add(StatusRows.blank());
        rows.add(StatusRows.row("SIGCHLD", "Reaps servers that end and resumes wait services."));
        rows.add(StatusRows.blank());
        rows.addAll(serviceTable(snapshot.services()));
        return rows;
    }

    @Override
    public List<ServiceCounters> serviceCounters() {
        return inetd.snapshot().services().stream().map(InetdSrcHandler::counters).toList();
    }

    static ServiceCounters counters(ServiceStatus s) {
        return ServiceCounters.newBuilder()
                .setService(s.name())
                .setProtocol(s.protocol())
                .setAddress(s.bindHost())
                .setPort(s.port())
                .setState(s.state())
                .setAccepted(s.accepted())
                .setRefused(s.refused())
                .setRateLimited(s.rateLimited())
                .setRunning(s.running())
                .build();
    }

    static List<StatusRow> serviceTable(List<ServiceStatus> services) {
        List<StatusRow> rows = new ArrayList<>();
        rows.add(StatusRows.subserverHeader());
        for (ServiceStatus s : services) {
            if (s.command().length() > 24) {
                // AIX prints a long server path alone, then the rest of the row under it
                rows.add(StatusRows.row(s.name(), s.command()));
                rows.add(StatusRows.subserverRow("", "", description(s), status(s)));
            } else {
                rows.add(StatusRows.subserverRow(s.name(), s.command(), description(s), status(s)));
            }
        }
        return rows;
    }

    private static String description(ServiceStatus s) {
        String args = String.join(" ", s.args());
        return args.length() > 24 ? args.substring(0, 24) : args;
    }

    private static Status status(ServiceStatus s) {
        return switch (s.state()) {
            case "active", "waiting", "paused", "backoff" -> Status.STATUS_ACTIVE;
            case "stopping" -> Status.STATUS_STOPPING;
            case "bind-failed" -> Status.STATUS_OPEN_PENDING;
            default -> Status.STATUS_INOPERATIVE;
        };
    }

    @Override
    public Reply refresh() {
        ReloadReport report = inetd.reload().join();
        if (report.applied()) {
            return Reply.ok();
        }
        return new Reply(
                SrcCode.SRC_CODE_REFFAIL,
                List.of(),
                "inetd: the running configuration is kept: "
                        + report.problems().stream()
                                .map(
                                        p ->
                                                p.line() > 0
                                                        ? p.file() + " line " + p.line() + ": " + p.message()
                                                        : p.file() + ": " + p.message())
                                .collect(Collectors.joining("; ")));
    }

    @Override
    public Reply trace(boolean on, boolean longTrace) {
        inetd.setTrace(on);
        return Reply.ok();
    }

    @Override
    public SubserverReply subserver(SubserverCommand command) {
        String service = command.getType();
        return switch (command.getAction()) {
            case SUBSERVER_ACTION_START -> change(inetd.enable(service).join(), "enabled", SrcCode.SRC_CODE_STRTSVRBAD);
            case SUBSERVER_ACTION_STOP ->
                    change(inetd.disable(service, command.getForced()).join(), "disabled", SrcCode.SRC_CODE_STOPSVRBAD);
            case SUBSERVER_ACTION_STATUS -> {
                List<ServiceStatus> matching =
                        inetd.snapshot().services().stream().filter(s -> s.name().equals(service)).toList();
                yield matching.isEmpty()
                        ? SubserverReply.of(SrcCode.SRC_CODE_RES)
                        : SubserverReply.rows(serviceTable(matching));
            }
            case SUBSERVER_ACTION_TRACE -> {
                inetd.setTrace(command.getOn());
                yield SubserverReply.of(Reply.ok());
            }
            case SUBSERVER_ACTION_UNSPECIFIED, UNRECOGNIZED -> SubserverReply.notSupported();
        };
    }

    private SubserverReply change(SubserverChange change, String what, SrcCode failed) {
        String service = change.service();
        if (!change.known()) {
            return SubserverReply.of(
                    new Reply(
                            failed,
                            List.of(service),
                            "inetd: " + service + " has no line in the configuration file; nothing " + what + "."));
        }
        if (!change.reload().applied()) {
            return SubserverReply.of(
                    new Reply(
                            failed,
                            List.of(service),
                            "inetd: "
                                    + service
                                    + " "
                                    + what
                                    + " in the file, but the file has errors; the running configuration is kept."));
        }
        return SubserverReply.of(Reply.ok());
    }
}
