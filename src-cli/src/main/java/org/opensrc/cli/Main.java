package org.opensrc.cli;

import org.opensrc.cli.command.CommandEnvironment;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Entry point of every command. The launcher {@code bin/NAME} runs {@code Main NAME args...}; the command is the first
 * argument.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        var out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        var err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        if (args.length == 0) {
            err.println("usage: Main COMMAND [ARGS...]; commands: " + String.join(" ", Commands.names()));
            exit(out, err, 1);
        }
        int status =
                Commands.run(
                        args[0], Arrays.copyOfRange(args, 1, args.length), out, err, CommandEnvironment.fromSystem());
        exit(out, err, status);
    }

    /**
     * Flushes and halts, without {@code System.exit}'s shutdown sequence: the commands register no shutdown hook, and
     * the one that java.util.logging adds (grpc-stub makes a logger) would start a thread at every exit. Nothing here
     * configures java.util.logging: {@link QuietLogging} does (no handler), for grpc-stub and the remote client's
     * Netty.
     */
    private static void exit(PrintWriter out, PrintWriter err, int status) {
        out.flush();
        err.flush();
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }
}
