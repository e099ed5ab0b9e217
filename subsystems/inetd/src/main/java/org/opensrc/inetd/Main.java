package org.opensrc.inetd;

import org.opensrc.inetd.control.InetdSrcHandler;
import org.opensrc.inetd.spawn.PosixChildLauncher;
import org.opensrc.libsrc.SrcPaths;
import org.opensrc.libsrc.Version;
import org.opensrc.libsrc.signal.SignalTrap;
import org.opensrc.libsrc.subsystem.SrcConnection;
import org.opensrc.libsrc.subsystem.SrcSubsystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code inetd [-d] [configfile]}: runs the super-server in the foreground (srcmstr supervises it and sends its stderr
 * to a log). The file defaults to {@code $SRC_ROOT/etc/inetd.conf}. {@code -d} turns on debug logging and connection
 * tracing. SIGHUP reloads; SIGTERM and SIGINT stop listening and exit 0, leaving running servers alone.
 */
public final class Main {

    /** Printed for a flag error (standard error, exit 2) and for {@code --help} (standard output, exit 0). */
    private static final String USAGE = "usage: inetd [-d] [configfile]";

    private Main() {}

    public static void main(String[] args) throws Exception {
        // beyond AIX, as GNU programs, and only as the first argument: answered before anything is bound or started
        if (args.length > 0 && args[0].equals("--help")) {
            System.out.println(USAGE);
            System.exit(0);
            return;
        }
        if (args.length > 0 && args[0].equals("--version")) {
            System.out.println(Version.line("inetd"));
            System.exit(0);
            return;
        }
        boolean debug = false;
        Path file = null;
        for (String a : args) {
            if (a.equals("-d")) {
                debug = true;
            } else if (a.startsWith("-") || file != null) {
                System.err.println(USAGE);
                System.exit(2);
                return;
            } else {
                file = Path.of(a);
            }
        }
        // Logback is set up by InetdLogging (in code, no XML) once this is set, before the first logger
        if (debug) {
            System.setProperty(InetdLogging.LEVEL_PROPERTY, "DEBUG");
        } else if (System.getProperty(InetdLogging.LEVEL_PROPERTY) == null) {
            System.setProperty(InetdLogging.LEVEL_PROPERTY, "INFO");
        }
        Logger log = LoggerFactory.getLogger(Main.class);
        InetdSettings settings;
        try {
            settings = InetdSettings.of(SrcPaths.fromEnvironment());
        } catch (IOException e) {
            System.err.println("inetd: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (file != null) {
            settings = settings.withConfigFile(file.toAbsolutePath());
        }
        Inetd inetd = new Inetd(settings, new PosixChildLauncher(), Clock.systemDefaultZone());
        inetd.setTrace(debug);
        CountDownLatch stop = new CountDownLatch(1);
        SignalTrap.on(
                "HUP",
                () ->
                        inetd.reload()
                                .thenAccept(r -> log.info("SIGHUP: reload {}", r.applied() ? "applied" : "rejected")));
        SignalTrap.on("TERM", stop::countDown);
        SignalTrap.on("INT", stop::countDown);
        inetd.start();
        log.info("inetd started, pid {}, config {}", ProcessHandle.current().pid(), settings.configFile());
        InetdSrcHandler handler = new InetdSrcHandler(inetd);
        Optional<SrcConnection> src = SrcSubsystem.attachFromEnvironment(handler);
        if (src.isPresent()) {
            src.get().ready();
        } else {
            log.info(SrcSubsystem.NOT_FOUND);
        }
        boolean[] forced = {false};
        handler.stopRequested()
                .thenAccept(
                        f -> {
                            forced[0] = f;
                            stop.countDown();
                        });
        stop.await();
        log.info("inetd stopping{}", forced[0] ? " (forced: running servers are killed)" : "");
        if (forced[0]) {
            inetd.killRunning().join();
        }
        inetd.close();
        src.ifPresent(SrcConnection::close);
        System.exit(0);
    }
}
