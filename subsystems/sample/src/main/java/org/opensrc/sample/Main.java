package org.opensrc.sample;

import org.opensrc.libsrc.subsystem.SrcConnection;
import org.opensrc.libsrc.subsystem.SrcSubsystem;
import org.opensrc.libsrc.subsystem.StopMode;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * A small SRC-aware daemon built on the libsrc SDK: {@code sample [-c configfile]}. Under srcmstr it answers long
 * status, refresh (re-reads the config file), trace on/off and subserver requests for "alpha" and "beta", declares
 * readiness once its config is read, and exits on stop (at once when forced). Standalone it runs until SIGTERM.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        int status = run(args, System.getenv(), System.err);
        if (status == FORCED_EXIT) {
            Runtime.getRuntime().halt(0);
        }
        System.exit(status);
    }

    /** {@link #run} result meaning "exit now, without shutdown hooks". */
    static final int FORCED_EXIT = -1;

    static int run(String[] args, Map<String, String> env, PrintStream err) throws InterruptedException {
        Optional<Path> config;
        try {
            config = configOf(args);
        } catch (IllegalArgumentException e) {
            err.println("Usage: sample [-c configfile]");
            return 2;
        }
        var log = new TraceLog(err);
        var handler = new SampleHandler(config, log);
        handler.readConfig();
        Optional<SrcConnection> src = SrcSubsystem.attachFromEnvironment(env, handler);
        if (src.isEmpty()) {
            err.println(SrcSubsystem.NOT_FOUND);
            new CountDownLatch(1).await(); // until SIGTERM ends the JVM
            return 0;
        }
        try (SrcConnection connection = src.get()) {
            connection.ready();
            StopMode mode = connection.awaitStop();
            if (mode == StopMode.FORCED) {
                return FORCED_EXIT;
            }
            handler.finish();
            return 0;
        }
    }

    static Optional<Path> configOf(String[] args) {
        if (args.length == 0) {
            return Optional.empty();
        }
        if (args.length == 2 && args[0].equals("-c") && !args[1].isEmpty()) {
            return Optional.of(Path.of(args[1]));
        }
        throw new IllegalArgumentException("usage");
    }
}
