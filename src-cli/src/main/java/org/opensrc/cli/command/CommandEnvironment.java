package org.opensrc.cli.command;

import org.opensrc.libsrc.SafeText;
import org.opensrc.libsrc.SrcPaths;
import org.opensrc.libsrc.client.ClientCertificates;
import org.opensrc.libsrc.client.CommandTimeout;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.libsrc.posix.Posix;
import org.opensrc.srcmstr.DirectDefinitions;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * What a command needs from outside: where srcmstr lives, how to reach it, and (for {@code -h host}) who runs the
 * command. Tests pass their own root; the launcher passes the process environment.
 */
public record CommandEnvironment(SrcPaths paths, Map<String, String> env, IntSupplier effectiveUid) {

    /** An environment whose user is the one running this process (its effective uid). */
    public CommandEnvironment(SrcPaths paths, Map<String, String> env) {
        this(paths, env, Posix::geteuid);
    }

    public static CommandEnvironment fromSystem() {
        return new CommandEnvironment(SrcPaths.fromEnvironment(), System.getenv());
    }

    /** A connection to the local srcmstr, every call bounded by {@link #timeout()}. */
    public SrcClient connect() {
        return SrcClient.local(paths).withTimeout(timeout());
    }

    /**
     * The definitions of the local root without srcmstr: its Definitions service run in this process on the registry
     * files ({@link DirectDefinitions}), every call bounded by {@link #timeout()}.
     *
     * @throws SrcCommand.Refusal when srcmstr.conf or the registry cannot be read (the message names the file)
     */
    public SrcClient direct() {
        try {
            return DirectDefinitions.open(paths).withTimeout(timeout());
        } catch (NoSuchFileException e) {
            throw new SrcCommand.Refusal(SafeText.lines(e.getFile() + ": no such file or directory"));
        } catch (IOException e) {
            throw new SrcCommand.Refusal(SafeText.lines(e.getMessage()));
        }
    }

    /**
     * How long a call may wait for srcmstr ({@code SRC_TIMEOUT}, see {@link CommandTimeout}).
     *
     * @throws SrcCommand.Refusal when {@code SRC_TIMEOUT} is not a valid number of seconds
     */
    public CommandTimeout timeout() {
        try {
            return CommandTimeout.fromEnvironment(paths, env);
        } catch (IllegalArgumentException e) {
            throw new SrcCommand.Refusal(e.getMessage());
        }
    }

    /**
     * Whether failure messages and usage texts go to standard error ({@code SRC_MESSAGES=stderr}) instead of standard
     * output, where AIX prints every SRC message ({@code SRC_MESSAGES} unset, empty or {@code stdout}).
     *
     * @throws SrcCommand.Refusal when {@code SRC_MESSAGES} has another value
     */
    public boolean failuresOnStderr() {
        String value = env.getOrDefault("SRC_MESSAGES", "");
        return switch (value) {
            case "", "stdout" -> false;
            case "stderr" -> true;
            default -> throw new SrcCommand.Refusal("SRC_MESSAGES: stdout or stderr, not '" + SafeText.of(value) + "'");
        };
    }

    /**
     * A connection to the srcmstr -r of {@code host} ({@code name[:port]}), with the client certificate of {@code
     * $SRC_CERT_DIR}, else of {@code $SRC_ROOT/etc/src/remote/}.
     */
    public SrcClient connect(String host) {
        return SrcClient.remote(host, ClientCertificates.fromEnvironment(paths, env).dir()).withTimeout(timeout());
    }
}
