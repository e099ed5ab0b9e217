package org.opensrc.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real program to its end and keeps what it printed. */
final class Shell {

    /** What a program printed and how it ended. */
    record Result(List<String> command, int status, String out, String err) {

        Result ok() {
            if (status != 0) {
                throw new AssertionError(this.toString());
            }
            return this;
        }

        @Override
        public String toString() {
            return String.join(" ", command) + " -> exit " + status + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    private Shell() {}

    static Result run(String... command) {
        return run(Map.of(), Duration.ofMinutes(5), List.of(command));
    }

    static Result run(Map<String, String> env, String... command) {
        return run(env, Duration.ofMinutes(5), List.of(command));
    }

    /** For the linters, which take minutes on a busy machine. */
    static Result slow(String... command) {
        return run(Map.of(), Duration.ofMinutes(10), List.of(command));
    }

    /** Runs {@code command} with only {@code env} in its environment, as init or a root shell would. */
    static Result clean(Map<String, String> env, String... command) {
        return run(env, Duration.ofMinutes(10), List.of(command), true);
    }

    static Result run(Map<String, String> env, Duration limit, List<String> command) {
        return run(env, limit, command, false);
    }

    private static Result run(Map<String, String> env, Duration limit, List<String> command, boolean clean) {
        try {
            Path out = Files.createTempFile("pkg-out-", ".txt");
            Path err = Files.createTempFile("pkg-err-", ".txt");
            try {
                ProcessBuilder pb =
                        new ProcessBuilder(command)
                                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                                .redirectOutput(out.toFile())
                                .redirectError(err.toFile());
                if (clean) {
                    pb.environment().clear();
                }
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not end within " + limit);
                }
                return new Result(
                        command,
                        p.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
