package org.opensrc.libsrc.posix;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test helpers for real child processes. Every wait blocks on an event, never on a timer. */
final class Children {

    static final List<String> ENV = List.of("PATH=/usr/bin:/bin", "LANG=C");

    private Children() {}

    static SpawnSpec sh(String script) {
        return SpawnSpec.of(Path.of("/bin/sh"), List.of("sh", "-c", script), ENV);
    }

    static SpawnResult.Spawned spawned(SpawnSpec spec) {
        return switch (Spawner.spawn(spec)) {
            case SpawnResult.Spawned s -> s;
            case SpawnResult.Failed f -> fail("spawn failed: " + f);
        };
    }

    /** Blocks until child {@code pid} ends and reaps it. */
    static ExitStatus awaitExit(int pid) {
        return Posix.reap(pid, true).orElseThrow(() -> new AssertionError(pid + " is not our child"));
    }

    /** Runs {@code spec} with stdout to a file and returns what it wrote, after it exited 0. */
    static String output(SpawnSpec spec, Path dir) throws IOException {
        // the output is opened as the child's user: let every user create it here, as in /tmp
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Path out = dir.resolve("out-" + System.nanoTime());
        var s = spawned(spec.withStdio(spec.stdin(), new FdSource.WriteFile(out, true), spec.stderr()));
        ExitStatus status = awaitExit(s.pid());
        if (!(status instanceof ExitStatus.Exited(int code) && code == 0)) {
            fail("child ended with " + status.describe() + ", output: " + Files.readString(out));
        }
        return Files.readString(out);
    }

    /** A reader on the read end of {@code pipe} (a new open of the same pipe). */
    static BufferedReader reader(Pipe pipe) throws IOException {
        return new BufferedReader(
                new InputStreamReader(
                        Files.newInputStream(Path.of("/proc/self/fd/" + pipe.readEnd())), StandardCharsets.UTF_8));
    }

    static void killAndReap(int pid) {
        Posix.kill(pid, 9);
        awaitExit(pid);
    }
}
