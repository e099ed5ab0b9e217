package org.opensrc.srcmstr;

import org.opensrc.libsrc.Messages;
import org.opensrc.libsrc.SrcPaths;
import org.opensrc.libsrc.Version;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.srcmstr.logging.SrcmstrLogging;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code srcmstr [-r] [-B]}: the System Resource Controller master. Runs in the foreground (init or systemd supervises
 * it); one per root ({@code SRC_ROOT}).
 */
public final class Main {

    // Kept strongly reachable: JUL forgets levels set on loggers that are collected.
    private static final Logger JUL_ROOT = Logger.getLogger("");

    /** Printed for a flag error (standard error, exit 1) and for {@code --help} (standard output, exit 0). */
    private static final String USAGE = "Usage: srcmstr [-r] [-B]";

    private Main() {}

    public static void main(String[] args) {
        JUL_ROOT.setLevel(Level.SEVERE); // gRPC's own chatter (JUL) stays out of the log
        System.exit(run(args, SrcPaths.fromEnvironment(), System.out, System.err));
    }

    static int run(String[] args, SrcPaths paths, PrintStream out, PrintStream err) {
        // beyond AIX, as GNU programs, and only as the first argument: answered before anything is started or locked
        if (args.length > 0 && args[0].equals("--help")) {
            out.println(USAGE);
            return 0;
        }
        if (args.length > 0 && args[0].equals("--version")) {
            out.println(Version.line("srcmstr"));
            return 0;
        }
        Optional<SrcmstrOptions> options = SrcmstrOptions.parse(args);
        if (options.isEmpty()) {
            err.println(USAGE);
            return 1;
        }
        // read by SrcmstrLogging, srcmstr's Logback set-up, when the first logger is made
        System.setProperty(SrcmstrLogging.LOG_DIR_PROPERTY, paths.logDir().toString());
        Optional<SingleInstanceLock> acquired = SingleInstanceLock.acquire(paths.lockFile());
        if (acquired.isEmpty()) {
            err.println(Messages.render(SrcCode.SRC_CODE_ACTV));
            return 1;
        }
        SingleInstanceLock lock = acquired.get(); // held until srcmstr stops
        try (lock) {
            return Srcmstr.runUntilStopped(paths, options.get(), err);
        } catch (IOException e) {
            err.println("srcmstr: " + e.getMessage());
            return 1;
        }
    }
}
