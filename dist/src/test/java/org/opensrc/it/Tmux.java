package org.opensrc.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A program in a real terminal: a tmux server of its own (socket {@code -L}), one 80×24 window, keys sent with
 * send-keys, the screen read with capture-pane. Close it to kill the server.
 */
final class Tmux implements AutoCloseable {
    private static final AtomicInteger SERVERS = new AtomicInteger();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final String socket = "opensrc-it-" + ProcessHandle.current().pid() + "-" + SERVERS.incrementAndGet();

    /** Runs {@code command} in an 80×24 tmux window with TERM={@code term}, SRC_ROOT and HOME set. */
    Tmux(String term, Path srcRoot, Path home, String... command) {
        List<String> argv =
                new ArrayList<>(
                        List.of(
                                "new-session",
                                "-d",
                                "-x",
                                "80",
                                "-y",
                                "24",
                                "env",
                                "TERM=" + term,
                                "SRC_ROOT=" + srcRoot,
                                "HOME=" + home));
        argv.addAll(Arrays.asList(command));
        tmux(argv.toArray(String[]::new));
    }

    /** Keys by tmux's names: {@code F4}, {@code Enter}, {@code Down}, {@code Escape} … */
    void keys(String... keys) {
        List<String> argv = new ArrayList<>(List.of("send-keys", "-t", "0"));
        argv.addAll(Arrays.asList(keys));
        tmux(argv.toArray(String[]::new));
    }

    /** Characters typed as they are. */
    void type(String text) {
        tmux("send-keys", "-t", "0", "-l", text);
    }

    String screen() {
        return tmux("capture-pane", "-p", "-t", "0");
    }

    /** Waits until the screen shows every one of {@code texts}, and returns it. */
    String await(String... texts) {
        Instant end = Instant.now().plus(WAIT);
        String screen = "";
        while (Instant.now().isBefore(end)) {
            screen = running() ? screen() : screen;
            String s = screen;
            if (Arrays.stream(texts).allMatch(s::contains)) {
                return screen;
            }
            pause();
        }
        throw new AssertionError("timed out waiting for " + Arrays.toString(texts) + " on the screen:\n" + screen);
    }

    /** Waits until the program has ended (its window closed). */
    void awaitExit() {
        Instant end = Instant.now().plus(WAIT);
        while (running()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("still running:\n" + screen());
            }
            pause();
        }
    }

    boolean running() {
        return run(List.of("tmux", "-L", socket, "has-session")).status() == 0;
    }

    @Override
    public void close() {
        run(List.of("tmux", "-L", socket, "kill-server"));
    }

    private String tmux(String... args) {
        List<String> argv = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        argv.addAll(Arrays.asList(args));
        Run r = run(argv);
        if (r.status() != 0) {
            throw new AssertionError(argv + " failed: " + r.out());
        }
        return r.out();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private record Run(int status, String out) {}

    private static Run run(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + argv);
            }
            return new Run(p.exitValue(), out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
