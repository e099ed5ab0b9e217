package org.opensrc.cli;

import org.opensrc.cli.command.CommandEnvironment;
import org.opensrc.cli.command.Flags;
import org.opensrc.cli.command.SrcCommand;
import org.opensrc.cli.control.Lssrc;
import org.opensrc.cli.control.Refresh;
import org.opensrc.cli.control.Startsrc;
import org.opensrc.cli.control.Stopsrc;
import org.opensrc.cli.control.Tracesoff;
import org.opensrc.cli.control.Traceson;
import org.opensrc.cli.definitions.Chserver;
import org.opensrc.cli.definitions.Chssys;
import org.opensrc.cli.definitions.Mknotify;
import org.opensrc.cli.definitions.Mkserver;
import org.opensrc.cli.definitions.Mkssys;
import org.opensrc.cli.definitions.Rmnotify;
import org.opensrc.cli.definitions.Rmserver;
import org.opensrc.cli.definitions.Rmssys;
import org.opensrc.cli.odm.Odmadd;
import org.opensrc.cli.odm.Odmchange;
import org.opensrc.cli.odm.Odmdelete;
import org.opensrc.cli.odm.Odmget;
import org.opensrc.cli.tcpip.Chrctcp;
import org.opensrc.cli.tcpip.Chsubserver;
import org.opensrc.libsrc.Version;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The command table: AIX command name to its class, and the one place where a command line becomes an exit status (0
 * success, 1 failure, as AIX tools expect).
 */
public final class Commands {

    private static final Map<String, Supplier<SrcCommand>> TABLE = new LinkedHashMap<>();

    static {
        register("startsrc", Startsrc::new);
        register("stopsrc", Stopsrc::new);
        register("lssrc", Lssrc::new);
        register("refresh", Refresh::new);
        register("traceson", Traceson::new);
        register("tracesoff", Tracesoff::new);
        register("mkssys", Mkssys::new);
        register("chssys", Chssys::new);
        register("rmssys", Rmssys::new);
        register("mkserver", Mkserver::new);
        register("chserver", Chserver::new);
        register("rmserver", Rmserver::new);
        register("mknotify", Mknotify::new);
        register("rmnotify", Rmnotify::new);
        register("odmget", Odmget::new);
        register("odmadd", Odmadd::new);
        register("odmdelete", Odmdelete::new);
        register("odmchange", Odmchange::new);
        register("chsubserver", Chsubserver::new);
        register("chrctcp", Chrctcp::new);
    }

    private Commands() {}

    static void register(String name, Supplier<SrcCommand> factory) {
        TABLE.put(name, factory);
    }

    public static List<String> names() {
        return List.copyOf(TABLE.keySet());
    }

    /**
     * The flags and operands command {@code name} declares, as its parser sees them: what the shell completion ({@code
     * share/bash-completion/opensrc}) must offer.
     */
    public static Flags flags(String name) {
        return TABLE.get(name).get().flags();
    }

    /** Runs command {@code name}; returns its exit status. */
    public static int run(
            String name, String[] args, PrintWriter out, PrintWriter err, CommandEnvironment environment) {
        Supplier<SrcCommand> factory = TABLE.get(name);
        if (factory == null) {
            err.println(name + ": not an OpenSRC command");
            return 1;
        }
        SrcCommand command = factory.get();
        command.bind(out, err, environment);
        // beyond AIX, as GNU programs: only as the first argument, so that any other command line (startsrc -a --help)
        // means what it means on AIX
        if (args.length > 0 && args[0].equals("--help")) {
            command.printHelp();
            return 0;
        }
        if (args.length > 0 && args[0].equals("--version")) {
            out.println(Version.line(name));
            out.flush();
            return 0;
        }
        try {
            command.flags().apply(args);
        } catch (Flags.BadCommandLine e) {
            // a flag not understood (unknown, missing or mistyped value) is a usage error, printed as AIX prints it:
            // the usage message alone, without the parser's own wording
            command.printUsage(null);
            return 1;
        }
        return command.call();
    }
}
