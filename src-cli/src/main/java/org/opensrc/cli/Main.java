package org.opensrc.cli;

import org.opensrc.cli.command.CommandEnvironment;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Entry point of every command. The launcher {@code bin/NAME} runs {@code Main NAME args...}; the command is the first
 * argument.
 */
public final class Main {

    // Kept strongly reachable: JUL forgets levels set on loggers that are collected.
    private static final Logger ROOT_LOGGER = Logger.getLogger("");

    private Main() {}

    public static void main(String[] args) {
        silenceLogging();
        var out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        var err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        if (args.length == 0) {
            err.println("usage: Main COMMAND [ARGS...]; commands: " + String.join(" ", Commands.names()));
            System.exit(1);
        }
        int status =
                Commands.run(
                        args[0], Arrays.copyOfRange(args, 1, args.length), out, err, CommandEnvironment.fromSystem());
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** java.util.logging off: the remote client's Netty would otherwise warn on stderr. */
    static void silenceLogging() {
        ROOT_LOGGER.setLevel(Level.OFF);
        for (var handler : ROOT_LOGGER.getHandlers()) {
            handler.setLevel(Level.OFF);
        }
    }
}
