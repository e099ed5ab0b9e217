package org.opensrc.libsrc.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SpawnerTest {

    @TempDir Path dir;

    @Test
    void childWithNewSessionLeadsItsOwnSessionAndGroup() {
        var child = Children.spawned(Children.sh("exec sleep 30").withNewSession(true));
        try {
            ProcInfo info = ProcessTable.system().read(child.pid()).orElseThrow();
            assertEquals(child.pid(), info.sid());
            assertEquals(child.pid(), info.pgid());
            assertEquals(child.startTime(), info.startTime());
        } finally {
            Children.killAndReap(child.pid());
        }
    }

    @Test
    void childInheritsOnlyItsStdioEvenWhenTheParentHoldsInheritableFds() throws IOException {
        Path held = Files.writeString(dir.resolve("held"), "x");
        try (FileInputStream inheritable = new FileInputStream(held.toFile())) { // JDK opens without O_CLOEXEC
            assertTrue(inheritable.getFD().valid());
            String fds = Children.output(Children.sh("ls /proc/$$/fd"), dir);
            assertEquals(List.of("0", "1", "2"), fds.lines().sorted().toList());
        }
    }

    @Test
    void childStartsWithAnEmptySignalMaskAndNoIgnoredSignals() throws IOException {
        SpawnSpec grep =
                SpawnSpec.of(
                        Path.of("/bin/grep"),
                        List.of("grep", "-E", "^Sig(Blk|Ign)", "/proc/self/status"),
                        Children.ENV);
        String status = Children.output(grep, dir);
        assertEquals(List.of("SigBlk:\t0000000000000000", "SigIgn:\t0000000000000000"), status.lines().toList());
    }

    @Test
    void childGetsExactlyTheGivenEnvironment() throws IOException {
        SpawnSpec env = SpawnSpec.of(Path.of("/usr/bin/env"), List.of("env"), List.of("A=1", "B=two words"));
        assertEquals("A=1\nB=two words\n", Children.output(env, dir));
    }

    @Test
    void stdoutIsTruncatedOrAppendedAsAsked() throws IOException {
        Path log = Files.writeString(dir.resolve("log"), "old\n");
        SpawnSpec echo = Children.sh("echo new");
        var appended =
                Children.spawned(
                        echo.withStdio(
                                new FdSource.DevNull(), new FdSource.WriteFile(log, false), new FdSource.DevNull()));
        Children.awaitExit(appended.pid());
        assertEquals("old\nnew\n", Files.readString(log));

        var truncated =
                Children.spawned(
                        echo.withStdio(
                                new FdSource.DevNull(), new FdSource.WriteFile(log, true), new FdSource.DevNull()));
        Children.awaitExit(truncated.pid());
        assertEquals("new\n", Files.readString(log));
    }

    @Test
    void stdinFileIsCreatedWhenMissingAndStderrIsSeparate() throws IOException {
        Path in = dir.resolve("in");
        Path err = dir.resolve("err");
        var child =
                Children.spawned(
                        Children.sh("cat; echo oops >&2")
                                .withStdio(
                                        new FdSource.ReadFile(in),
                                        new FdSource.DevNull(),
                                        new FdSource.WriteFile(err, true)));
        assertEquals(new ExitStatus.Exited(0), Children.awaitExit(child.pid()));
        assertTrue(Files.exists(in));
        assertEquals("oops\n", Files.readString(err));
    }

    @Test
    void failuresNameTheStageThatFailed() throws IOException {
        SpawnSpec ok = Children.sh("exit 0");
        FdSource nul = new FdSource.DevNull();
        var stdin = Spawner.spawn(ok.withStdio(new FdSource.ReadFile(dir.resolve("missing/dir/in")), nul, nul));
        assertEquals(SpawnStage.STDIN, assertInstanceOf(SpawnResult.Failed.class, stdin).stage());
        assertEquals(Libc.ENOENT, ((SpawnResult.Failed) stdin).errno());

        var stdout = Spawner.spawn(ok.withStdio(nul, new FdSource.WriteFile(dir, true), nul));
        assertEquals(SpawnStage.STDOUT, assertInstanceOf(SpawnResult.Failed.class, stdout).stage());

        Path file = Files.writeString(dir.resolve("file"), "");
        var stderr = Spawner.spawn(ok.withStdio(nul, nul, new FdSource.WriteFile(file.resolve("below"), true)));
        assertEquals(SpawnStage.STDERR, assertInstanceOf(SpawnResult.Failed.class, stderr).stage());

        var missing = Spawner.spawn(SpawnSpec.of(dir.resolve("no-such-program"), List.of("x"), Children.ENV));
        var exec = assertInstanceOf(SpawnResult.Failed.class, missing);
        assertEquals(SpawnStage.EXEC, exec.stage());
        assertEquals(Libc.ENOENT, exec.errno());

        Path script = Files.writeString(dir.resolve("script"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-r--r--"));
        var notExecutable = Spawner.spawn(SpawnSpec.of(script, List.of("script"), Children.ENV));
        assertEquals(Libc.EACCES, assertInstanceOf(SpawnResult.Failed.class, notExecutable).errno());
    }

    @Test
    void failedSpawnLeavesNoDescriptorOpen() throws IOException {
        long before = openFds();
        FdSource nul = new FdSource.DevNull();
        for (int i = 0; i < 20; i++) {
            Spawner.spawn(Children.sh("exit 0").withStdio(nul, nul, new FdSource.WriteFile(dir, true)));
        }
        assertEquals(before, openFds());
    }

    @Test
    void niceValueIsApplied() throws IOException {
        var child = Children.spawned(Children.sh("exec sleep 30").withNice(7));
        try {
            String stat = Files.readString(Path.of("/proc/" + child.pid() + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            assertEquals("7", fields[19 - 3]);
        } finally {
            Children.killAndReap(child.pid());
        }
    }

    @Test
    void runAsNobodyChangesUidAndGidButKeepsThePid() throws IOException {
        Assumptions.assumeTrue(Posix.geteuid() == 0, "needs root");
        User nobody = Users.byName("nobody").orElseThrow();
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Path out = dir.resolve("id");
        var child =
                Children.spawned(
                        Children.sh("echo $$; id -u; id -g")
                                .withStdio(
                                        new FdSource.DevNull(),
                                        new FdSource.WriteFile(out, true),
                                        new FdSource.DevNull())
                                .withRunAs(new RunAs(nobody.uid(), nobody.gid())));
        assertEquals(new ExitStatus.Exited(0), Children.awaitExit(child.pid()));
        assertEquals(
                List.of(Integer.toString(child.pid()), "65534", Integer.toString(nobody.gid())),
                Files.readString(out).lines().toList());
    }

    @Test
    void callerOwnedFdBecomesFd3InTheChild() throws IOException {
        Pipe pipe = Posix.pipe();
        Path listing = dir.resolve("fds");
        try (BufferedReader reader = Children.reader(pipe)) {
            var child =
                    Children.spawned(
                            Children.sh("ls /proc/$$/fd; echo hello >&3")
                                    .withStdio(
                                            new FdSource.DevNull(),
                                            new FdSource.WriteFile(listing, true),
                                            new FdSource.DevNull())
                                    .withExtraFds(List.of(new FdSource.Fd(pipe.writeEnd()))));
            Posix.close(pipe.writeEnd());
            assertEquals("hello", reader.readLine());
            assertEquals(new ExitStatus.Exited(0), Children.awaitExit(child.pid()));
            assertEquals(List.of("0", "1", "2", "3"), Files.readString(listing).lines().sorted().toList());
        } finally {
            Posix.close(pipe.readEnd());
        }
    }

    @Test
    void setprivKeepsTheArgumentsAndOnlyInitsGroupsForKnownUsers() {
        SpawnSpec spec = SpawnSpec.of(Path.of("/usr/sbin/daemon"), List.of("daemon", "-f", "x y"), Children.ENV);
        assertEquals(
                List.of(
                        "/usr/bin/setpriv",
                        "--reuid=65534",
                        "--regid=65534",
                        "--init-groups",
                        "--",
                        "/usr/sbin/daemon",
                        "-f",
                        "x y"),
                Spawner.setprivArgv(new RunAs(65534, 65534), spec));
        assertEquals("--clear-groups", Spawner.setprivArgv(new RunAs(4000000, 5), spec).get(3));
    }

    private static long openFds() throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
