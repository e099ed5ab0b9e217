package org.opensrc.cli.command;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import org.opensrc.libsrc.Messages;
import org.opensrc.libsrc.SafeText;
import org.opensrc.libsrc.SrcFailure;
import org.opensrc.libsrc.client.RemoteHost;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.proto.v1.Outcome;
import org.opensrc.proto.v1.SrcCode;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * What every command shares: its output writers, its connection to srcmstr (local, or remote with {@code -h}), and the
 * translation of failures into AIX messages and exit status 1. A subclass implements {@link #execute(SrcClient)} and
 * declares its AIX usage text; a command that takes {@code -h} overrides {@link #host()}.
 */
public abstract class SrcCommand implements Callable<Integer> {

    /** Set while one host of several is being asked: that host's buffered writers. */
    private static final ScopedValue<HostFanOut.Output> HOST_OUTPUT = ScopedValue.newInstance();

    private PrintWriter out;
    private PrintWriter err;
    private CommandEnvironment environment;

    public final void bind(PrintWriter out, PrintWriter err, CommandEnvironment environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    protected PrintWriter out() {
        return HOST_OUTPUT.isBound() ? HOST_OUTPUT.get().out() : out;
    }

    protected PrintWriter err() {
        return HOST_OUTPUT.isBound() ? HOST_OUTPUT.get().err() : err;
    }

    /**
     * Whether this command prints its failures as AIX's SRC commands do, on standard output (the default); the ODM
     * commands print theirs on standard error, as AIX's libodm commands do.
     */
    protected boolean failuresOnStandardOutput() {
        return true;
    }

    /**
     * Where failure messages and usage texts go: standard output, as AIX's {@code srcerr()} prints every SRC message,
     * so that a group's lines keep their order in a pipe; standard error when {@code SRC_MESSAGES=stderr} asks for it.
     */
    protected PrintWriter failures() {
        if (!failuresOnStandardOutput()) {
            return err();
        }
        boolean toStderr;
        try {
            toStderr = environment.failuresOnStderr();
        } catch (Refusal e) {
            toStderr = true;
        }
        return toStderr ? err() : out();
    }

    /**
     * The {@code -h} value: null (the default) sends the request to the local srcmstr; otherwise one host, or several
     * separated by blanks or commas, each {@code name[:port]}.
     */
    protected String host() {
        return null;
    }

    protected CommandEnvironment environment() {
        return environment;
    }

    /** Declares this command's flags and operands, each with what to do with its value. */
    protected abstract void declare(Flags flags);

    /** The flags and operands of this command, each with what to do with its value. */
    public final Flags flags() {
        var flags = new Flags();
        declare(flags);
        return flags;
    }

    /** The AIX usage text, printed for any flag error. */
    protected abstract String usage();

    /** Does the work; returns the exit status. Request-level failures may be thrown. */
    protected abstract int execute(SrcClient client);

    /** Checks flag combinations the parser cannot express; throws {@link UsageException}. */
    protected void validate() {}

    @Override
    public final Integer call() {
        try {
            environment.failuresOnStderr(); // a bad SRC_MESSAGES is refused before anything is done
            validate();
        } catch (UsageException e) {
            printUsage(e.getMessage());
            return 1;
        } catch (Refusal e) {
            failures().println(e.getMessage());
            failures().flush();
            return 1;
        }
        try {
            if (host() != null) {
                return remote(host());
            }
            try (SrcClient client = environment.connect()) {
                if (worksWithoutSrcmstr() && !client.answers()) {
                    return direct();
                }
                return execute(client);
            } catch (StatusRuntimeException e) {
                return fail(e);
            }
        } catch (Refusal e) {
            failures().println(e.getMessage());
            failures().flush();
            return 1;
        }
    }

    /**
     * Whether this command, as AIX's, reads or edits the definitions itself when the local srcmstr does not answer (the
     * definition commands and {@code lssrc -S/-T/-N}).
     */
    protected boolean worksWithoutSrcmstr() {
        return false;
    }

    // As AIX: with srcmstr down (or not finishing a connection within the timeout), the same request on the registry
    // files, under the lock srcmstr takes. Decided before the request, so nothing is read or printed twice.
    private int direct() {
        try (SrcClient client = environment.direct()) {
            return execute(client);
        } catch (StatusRuntimeException e) {
            return fail(e);
        }
    }

    // -h: AIX requires root (0513-018); one host prints as a local request does.
    private int remote(String value) {
        List<String> hosts = RemoteHost.split(value);
        if (hosts.isEmpty()) {
            printUsage(null);
            return 1;
        }
        if (environment.effectiveUid().getAsInt() != 0) {
            failures().println(Messages.render(SrcCode.SRC_CODE_INVALID_USER_ROOT));
            failures().flush();
            return 1;
        }
        if (hosts.size() == 1) {
            return runOn(hosts.getFirst());
        }
        return HostFanOut.run(
                hosts, (host, output) -> ScopedValue.where(HOST_OUTPUT, output).call(() -> runOn(host)), out, err);
    }

    private int runOn(String host) {
        try (SrcClient client = environment.connect(host)) {
            return execute(client);
        } catch (StatusRuntimeException e) {
            return fail(e);
        }
    }

    /**
     * Prints the AIX usage message ({@code 0513-0NN Usage...}), after the problem when the command names one (e.g.
     * 0513-112 for a too long {@code -a}, as AIX does); never a parser's own wording.
     */
    public final void printUsage(String problem) {
        if (problem != null && !problem.isBlank()) {
            failures().println(problem);
        }
        failures().println(usage());
        failures().flush();
    }

    /**
     * Prints the usage message on standard output, for {@code --help} (beyond AIX): the same text as {@link
     * #printUsage}, but asked for, so not where failures go.
     */
    public final void printHelp() {
        out().println(usage());
        out().flush();
    }

    /** Prints the AIX message for a failed request and returns exit status 1. */
    protected int fail(StatusRuntimeException e) {
        var failure = SrcFailure.from(e);
        if (failure.isPresent()) {
            failures().println(Messages.render(failure.get().code(), failure.get().args()));
            if (!failure.get().detail().isEmpty()) {
                failures().println(SafeText.lines(failure.get().detail()));
            }
        } else if (e.getStatus().getCode() == Status.Code.UNAVAILABLE) {
            failures().println(Messages.render(SrcCode.SRC_CODE_DMNA));
        } else if (e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
            failures().println(Messages.render(SrcCode.SRC_CODE_NORPLY));
        } else {
            failures().println(Messages.render(SrcCode.SRC_CODE_ICMD) + " (" + e.getStatus().getCode() + ")");
        }
        failures().flush();
        return 1;
    }

    /**
     * Prints outcomes in their order, each as AIX prints it (one or more lines): successes on standard output, failures
     * where {@link #failures()} says (standard output too by default, so the order holds in a pipe); returns 0 when all
     * succeeded, else 1.
     */
    protected int print(List<Outcome> outcomes) {
        boolean ok = true;
        for (Outcome outcome : outcomes) {
            if (Messages.isSuccess(outcome.getCode())) {
                if (outcome.getCode() != SrcCode.SRC_CODE_UNSPECIFIED) {
                    out().println(Messages.render(outcome));
                }
            } else {
                ok = false;
                failures().println(Messages.render(outcome));
            }
        }
        out().flush();
        failures().flush();
        return ok ? 0 : 1;
    }

    /**
     * A definition's answer: its message, and on stderr the warning srcmstr may give with a success (a root program
     * others can change; a warning beyond AIX, not an SRC message, so it stays off standard output).
     */
    protected int printDefinition(Outcome outcome) {
        if (!Messages.isSuccess(outcome.getCode()) || outcome.getText().isEmpty()) {
            return print(List.of(outcome));
        }
        int status = print(List.of(outcome.toBuilder().clearText().build()));
        err().println(outcome.getText());
        err().flush();
        return status;
    }

    /** A flag value the command refuses with a message of its own (not the usage). */
    public static final class Refusal extends RuntimeException {
        public Refusal(String message) {
            super(message);
        }
    }

    /** A flag combination that is not allowed: prints the usage message. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
