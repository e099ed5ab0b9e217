package org.opensrc.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The command table: AIX command name to its picocli class, and the one place where a
 * command line becomes an exit status (0 success, 1 failure, as AIX tools expect).
 */
public final class Commands {

    private static final Map<String, Supplier<SrcCommand>> TABLE = new LinkedHashMap<>();

    static {
        register("startsrc", org.opensrc.cli.control.Startsrc::new);
        register("stopsrc", org.opensrc.cli.control.Stopsrc::new);
        register("lssrc", org.opensrc.cli.control.Lssrc::new);
        register("refresh", org.opensrc.cli.control.Refresh::new);
        register("traceson", org.opensrc.cli.control.Traceson::new);
        register("tracesoff", org.opensrc.cli.control.Tracesoff::new);
        register("mkssys", org.opensrc.cli.definitions.Mkssys::new);
        register("chssys", org.opensrc.cli.definitions.Chssys::new);
        register("rmssys", org.opensrc.cli.definitions.Rmssys::new);
        register("mkserver", org.opensrc.cli.definitions.Mkserver::new);
        register("chserver", org.opensrc.cli.definitions.Chserver::new);
        register("rmserver", org.opensrc.cli.definitions.Rmserver::new);
        register("mknotify", org.opensrc.cli.definitions.Mknotify::new);
        register("rmnotify", org.opensrc.cli.definitions.Rmnotify::new);
    }

    private Commands() {}

    static void register(String name, Supplier<SrcCommand> factory) {
        TABLE.put(name, factory);
    }

    public static List<String> names() {
        return List.copyOf(TABLE.keySet());
    }

    /** Runs command {@code name}; returns its exit status. */
    public static int run(String name, String[] args, PrintWriter out, PrintWriter err, CommandEnvironment environment) {
        Supplier<SrcCommand> factory = TABLE.get(name);
        if (factory == null) {
            err.println(name + ": not an OpenSRC command");
            return 1;
        }
        SrcCommand command = factory.get();
        command.bind(out, err, environment);
        CommandLine line = new CommandLine(command)
                .setPosixClusteredShortOptionsAllowed(true)
                .setAllowOptionsAsOptionParameters(true)
                .setOverwrittenOptionsAllowed(false)
                .setUnmatchedArgumentsAllowed(false)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler((ex, ignored) -> {
                    command.printUsage(ex.getMessage());
                    return 1;
                })
                .setExecutionExceptionHandler((ex, ignored, parsed) -> {
                    throw ex;
                });
        return line.execute(args);
    }
}
