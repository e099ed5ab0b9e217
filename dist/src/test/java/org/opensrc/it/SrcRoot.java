package org.opensrc.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A private SRC_ROOT with a real srcmstr from the built tree, and the real launchers to talk to it. Close it to stop
 * srcmstr (SIGTERM) and everything it runs.
 */
final class SrcRoot implements AutoCloseable {

    static final Path TREE = Path.of(System.getProperty("opensrc.tree", "target/opensrc")).toAbsolutePath();

    final Path root;
    private Process srcmstr;

    private SrcRoot(Path root) {
        this.root = root;
        try {
            // like / on a real system: every user may reach the control socket inside
            Files.setPosixFilePermissions(root, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A fresh root with srcmstr running in it. */
    static SrcRoot start() throws IOException {
        SrcRoot r = new SrcRoot(Files.createTempDirectory("opensrc-it-"));
        r.startSrcmstr();
        return r;
    }

    /** A fresh root without srcmstr. */
    static SrcRoot empty() throws IOException {
        return new SrcRoot(Files.createTempDirectory("opensrc-it-"));
    }

    Path socket() {
        return root.resolve("run/src/srcmstr.sock");
    }

    Process srcmstr() {
        return srcmstr;
    }

    void startSrcmstr(String... flags) throws IOException {
        startSrcmstr(Map.of(), flags);
    }

    void startSrcmstr(Map<String, String> env, String... flags) throws IOException {
        startSrcmstrUnder(List.of(), env, flags);
    }

    /** Starts srcmstr through {@code prefix}, a program that execs it (e.g. {@code prlimit --nofile=N:N}). */
    void startSrcmstrUnder(List<String> prefix, Map<String, String> env, String... flags) throws IOException {
        Files.deleteIfExists(socket());
        List<String> command = new ArrayList<>(prefix);
        command.add(TREE.resolve("bin/srcmstr").toString());
        command.addAll(Arrays.asList(flags));
        ProcessBuilder pb =
                new ProcessBuilder(command)
                        .redirectOutput(root.resolve("srcmstr.stdout").toFile())
                        .redirectError(ProcessBuilder.Redirect.appendTo(root.resolve("srcmstr.stderr").toFile()));
        pb.environment().put("SRC_ROOT", root.toString());
        pb.environment().putAll(env);
        srcmstr = pb.start();
        await(Duration.ofSeconds(30), () -> Files.exists(socket()) || !srcmstr.isAlive(), "srcmstr socket");
        if (!srcmstr.isAlive()) {
            throw new IllegalStateException("srcmstr exited: " + Files.readString(root.resolve("srcmstr.stderr")));
        }
    }

    /** Stops srcmstr with SIGTERM and waits for it. */
    int stopSrcmstr() throws InterruptedException {
        if (srcmstr == null || !srcmstr.isAlive()) {
            return srcmstr == null ? -1 : srcmstr.exitValue();
        }
        srcmstr.destroy();
        if (!srcmstr.waitFor(60, TimeUnit.SECONDS)) {
            srcmstr.destroyForcibly();
            srcmstr.waitFor();
        }
        return srcmstr.exitValue();
    }

    /**
     * Defines {@code name} (/bin/sleep 1000, signals, restarted when it ends abnormally) in {@code group} and starts
     * it; fails the test if either command fails.
     */
    void startRespawningSleeper(String name, String group) {
        Result def =
                run(
                        "mkssys",
                        "-s",
                        name,
                        "-p",
                        "/bin/sleep",
                        "-a",
                        "1000",
                        "-u",
                        "0",
                        "-R",
                        "-G",
                        group,
                        "-S",
                        "-n",
                        "15",
                        "-f",
                        "9");
        succeeds(def);
        succeeds(run("startsrc", "-s", name));
    }

    /**
     * Defines this tree's inetd (root, SRC-aware, group tcpip) and its subservers, each name with its code; fails the
     * test if a command fails.
     */
    void defineInetd(Map<String, Integer> subservers) {
        succeeds(
                run(
                        "mkssys",
                        "-s",
                        "inetd",
                        "-p",
                        TREE.resolve("bin/inetd").toString(),
                        "-u",
                        "0",
                        "-K",
                        "-G",
                        "tcpip"));
        subservers.forEach((name, code) -> succeeds(run("mkserver", "-s", "inetd", "-t", name, "-c", code.toString())));
    }

    private static void succeeds(Result result) {
        if (result.status() != 0) {
            throw new AssertionError(result.toString());
        }
    }

    /** Runs {@code bin/COMMAND args} in this root. */
    Result run(String command, String... args) {
        return runWith(Map.of(), command, args);
    }

    Result runWith(Map<String, String> env, String command, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(TREE.resolve("bin").resolve(command).toString());
        argv.addAll(Arrays.asList(args));
        return exec(argv, env);
    }

    Result exec(List<String> argv, Map<String, String> env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(argv);
            pb.environment().put("SRC_ROOT", root.toString());
            pb.environment().putAll(env);
            Path out = Files.createTempFile(root, "out", ".txt");
            Path err = Files.createTempFile(root, "err", ".txt");
            pb.redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + argv);
            }
            Result r =
                    new Result(
                            p.exitValue(),
                            Files.readString(out, StandardCharsets.UTF_8),
                            Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code lssrc -ls name} answers (the subsystem attached to the subsystem API). */
    void awaitAttached(String name) {
        await(Duration.ofSeconds(60), () -> run("lssrc", "-ls", name).status() == 0, name + " to attach");
    }

    String log() throws IOException {
        Path log = root.resolve("var/log/src/srcmstr.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    static void await(Duration timeout, BooleanSupplier condition, String what) {
        Instant end = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    @Override
    public void close() throws Exception {
        stopSrcmstr();
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** What a command printed and its exit status. */
    record Result(int status, String out, String err) {
        List<String> lines() {
            return out.isEmpty()
                    ? List.of()
                    : List.of(out.split("\n", -1))
                            .subList(0, out.split("\n", -1).length - (out.endsWith("\n") ? 1 : 0));
        }

        @Override
        public String toString() {
            return "status=" + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
