package org.opensrc.cli.tcpip;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import org.opensrc.cli.command.Flags;
import org.opensrc.cli.command.SrcCommand;
import org.opensrc.cli.command.Targets;
import org.opensrc.libsrc.Messages;
import org.opensrc.libsrc.SrcFailure;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.libsrc.conffile.AtomicFile;
import org.opensrc.libsrc.posix.Users;
import org.opensrc.proto.v1.Outcome;
import org.opensrc.proto.v1.RefreshRequest;
import org.opensrc.proto.v1.SrcCode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code chsubserver}: adds or activates ({@code -a}, the default), deactivates ({@code -d}) or changes ({@code -c}) an
 * entry of inetd.conf ({@code $SRC_ROOT/etc/inetd.conf}, or {@code -C file}), then with {@code -r server} has the
 * server re-read it through SRC ({@code refresh -s server}).
 */
public final class Chsubserver extends SrcCommand {

    /** What SRC answers when the server is not running: srcmstr is down, or the subsystem is inoperative. */
    private static final Set<SrcCode> NOT_RUNNING =
            Set.of(SrcCode.SRC_CODE_DMNA, SrcCode.SRC_CODE_SVND, SrcCode.SRC_CODE_NSVR);

    boolean activate;

    boolean deactivate;

    boolean change;

    String service;

    String protocol;

    String socketType;

    String waits;

    String user;

    String program;

    String newService;

    String newProtocol;

    String newSocketType;

    String newWaits;

    String newUser;

    String newProgram;

    String server;

    Path configFile;

    // AIX stops reading flags at the program's name: what follows is argv, dashes and all.
    List<String> programArgs = new ArrayList<>();

    @Override
    protected void declare(Flags flags) {
        flags.flag("-a", () -> activate = true);
        flags.flag("-d", () -> deactivate = true);
        flags.flag("-c", () -> change = true);
        flags.text("-v", v -> service = v);
        flags.text("-p", v -> protocol = v);
        flags.text("-t", v -> socketType = v);
        flags.text("-w", v -> waits = v);
        flags.text("-u", v -> user = v);
        flags.text("-g", v -> program = v);
        flags.text("-V", v -> newService = v);
        flags.text("-P", v -> newProtocol = v);
        flags.text("-T", v -> newSocketType = v);
        flags.text("-W", v -> newWaits = v);
        flags.text("-U", v -> newUser = v);
        flags.text("-G", v -> newProgram = v);
        flags.text("-r", v -> server = v);
        flags.path("-C", v -> configFile = v);
        flags.restOfLine(programArgs::add);
    }

    @Override
    protected String usage() {
        return String.join(
                "\n",
                "Usage: chsubserver [-a] -v ServiceName -p protocol [-t socket_type] [-w WaitIndicator] [-u user]"
                        + " [-g program] [-r server] [-C ConfigFile] [program] [args]",
                "       chsubserver -c -v ServiceName -p protocol [-t SocketType] [-w WaitIndicator] [-u user]"
                        + " [-g program] [-V NewServiceName] [-P NewProtocol] [-T NewSocketType]"
                        + " [-W NewWaitIndicator] [-U NewUser] [-G NewProgram] [-r server] [-C ConfigFile]"
                        + " [program] [args]",
                "       chsubserver -d -v ServiceName -p protocol [-t SocketType] [-w WaitIndicator] [-u user]"
                        + " [-g program] [-r server] [-C ConfigFile] [program] [args]");
    }

    @Override
    protected void validate() {
        if ((activate ? 1 : 0) + (deactivate ? 1 : 0) + (change ? 1 : 0) > 1
                || service == null
                || service.isBlank()
                || protocol == null
                || protocol.isBlank()) {
            throw new UsageException(null);
        }
        boolean newValues = Targets.count(newService, newProtocol, newSocketType, newWaits, newUser, newProgram) > 0;
        if (newValues && !change) {
            throw new UsageException(null);
        }
        if (change && !newValues && programArgs.isEmpty()) {
            throw new UsageException(null);
        }
        if (server != null && server.isBlank()) {
            throw new UsageException(null);
        }
    }

    @Override
    protected int execute(SrcClient client) {
        Path file = configFile != null ? configFile : environment().paths().inetdConf();
        var editor =
                new InetdConfEditor(
                        new InetdConfEditor.Checks() {
                            private final KnownServices services = KnownServices.read(environment().paths().services());

                            @Override
                            public boolean serviceKnown(String name, String proto) {
                                return services.contains(name, proto);
                            }

                            @Override
                            public boolean userExists(String name) {
                                return Users.lookup(name).isPresent();
                            }
                        });
        try {
            AtomicFile.edit(
                    file,
                    text ->
                            switch (edit(editor, text)) {
                                case InetdConfEditor.Refused r ->
                                        throw new Refusal("chsubserver: " + file + ": " + r.problem());
                                case InetdConfEditor.Unchanged u -> null;
                                case InetdConfEditor.Changed c -> c.text();
                            });
        } catch (IOException e) {
            throw new Refusal("chsubserver: cannot edit " + file + ": " + e.getMessage());
        }
        return server == null ? 0 : refresh(client);
    }

    private InetdConfEditor.Result edit(InetdConfEditor editor, String text) {
        InetdValues given =
                new InetdValues(service, protocol, socketType, waits, user, program, change ? List.of() : programArgs);
        if (change) {
            return editor.change(
                    text,
                    given,
                    new InetdValues(
                            newService, newProtocol, newSocketType, newWaits, newUser, newProgram, programArgs));
        }
        return deactivate ? editor.deactivate(text, given) : editor.activate(text, given);
    }

    /**
     * {@code -r}: AIX sends the server SIGHUP and says nothing; here SRC refreshes it, silent on success. A server that
     * is not running (or no srcmstr) has nothing to re-read: it reads the file when it starts.
     */
    private int refresh(SrcClient client) {
        List<Outcome> outcomes;
        try {
            outcomes =
                    client.control()
                            .refresh(RefreshRequest.newBuilder().setTarget(Targets.subsystem(server)).build())
                            .getOutcomesList();
        } catch (StatusRuntimeException e) {
            return notRunning(e) ? 0 : fail(e);
        }
        List<Outcome> failures =
                outcomes.stream()
                        .filter(o -> !Messages.isSuccess(o.getCode()) && !NOT_RUNNING.contains(o.getCode()))
                        .toList();
        return failures.isEmpty() ? 0 : print(failures);
    }

    private static boolean notRunning(StatusRuntimeException e) {
        return e.getStatus().getCode() == Status.Code.UNAVAILABLE
                || SrcFailure.from(e).map(f -> NOT_RUNNING.contains(f.code())).orElse(false);
    }
}
