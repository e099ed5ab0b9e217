package org.opensrc.libsrc.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Spawning as another user: the thread switch of a root caller, and the setpriv fallback. */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SpawnerRunAsTest {

    private static final String ZERO_CAPS = "0000000000000000";

    @TempDir Path dir;

    private User nobody;

    @BeforeEach
    void needsRoot() {
        Assumptions.assumeTrue(Posix.geteuid() == 0, "needs root");
        Assumptions.assumeFalse(Thread.currentThread().isVirtual());
        nobody = Users.byName("nobody").orElseThrow();
    }

    @Test
    void platformThreadSpawnsTheProgramItselfWithEveryIdOfTheUserAndNoCapabilities() throws IOException {
        List<String> threadBefore = threadCredentials();
        var child =
                Children.spawned(
                        SpawnSpec.of(Path.of("/bin/sleep"), List.of("sleep", "30"), Children.ENV)
                                .withRunAs(asRunAs(nobody)));
        try {
            List<String> threadAfter = threadCredentials();
            Path proc = Path.of("/proc/" + child.pid());
            List<String> status = Files.readAllLines(proc.resolve("status"));
            assertEquals("65534\t65534\t65534\t65534", field(status, "Uid"));
            assertEquals("65534\t65534\t65534\t65534", field(status, "Gid"));
            assertEquals(ZERO_CAPS, field(status, "CapEff"));
            assertEquals(ZERO_CAPS, field(status, "CapPrm"));
            assertEquals(idGroupsOf("nobody"), sorted(field(status, "Groups")));
            // posix_spawn returns after the child's exec: no setpriv ran in between
            assertEquals("sleep", Files.readString(proc.resolve("comm")).strip());
            assertEquals(Path.of("/bin/sleep").toRealPath(), Files.readSymbolicLink(proc.resolve("exe")));
            assertEquals(threadBefore, threadAfter);
        } finally {
            Children.killAndReap(child.pid());
        }
    }

    @Test
    void stdioIsOpenedAsTheUserSoASymlinkToARootFileGetsNothing() throws IOException {
        Path secret = Files.writeString(dir.resolve("shadow"), "root only\n");
        Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Path precious = Files.writeString(dir.resolve("precious"), "keep me\n");
        Path logs = Files.createDirectory(dir.resolve("logs"));
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(logs, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.createSymbolicLink(logs.resolve("in"), secret);
        Files.createSymbolicLink(logs.resolve("out"), precious);
        SpawnSpec cat = SpawnSpec.of(Path.of("/bin/cat"), List.of("cat"), Children.ENV).withRunAs(asRunAs(nobody));

        var read =
                Spawner.spawn(
                        cat.withStdio(
                                new FdSource.ReadFile(logs.resolve("in")),
                                new FdSource.DevNull(),
                                new FdSource.DevNull()));
        var write =
                Spawner.spawn(
                        cat.withStdio(
                                new FdSource.DevNull(),
                                new FdSource.WriteFile(logs.resolve("out"), true),
                                new FdSource.DevNull()));

        assertEquals(SpawnStage.STDIN, ((SpawnResult.Failed) read).stage());
        assertEquals(Libc.EACCES, ((SpawnResult.Failed) read).errno());
        assertTrue(((SpawnResult.Failed) read).message().contains("(opened as uid 65534): Permission denied"));
        assertEquals(SpawnStage.STDOUT, ((SpawnResult.Failed) write).stage());
        assertEquals("keep me\n", Files.readString(precious));
    }

    @Test
    void aFileTheUserCreatesIsTheUsersOwn() throws IOException {
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Path log = dir.resolve("daemon.log");
        List<String> before = threadCredentials();
        var child =
                Children.spawned(
                        SpawnSpec.of(Path.of("/bin/true"), List.of("true"), Children.ENV)
                                .withStdio(
                                        new FdSource.DevNull(),
                                        new FdSource.WriteFile(log, true),
                                        new FdSource.DevNull())
                                .withRunAs(asRunAs(nobody)));
        Children.awaitExit(child.pid());
        assertEquals(nobody.uid(), (int) Files.getAttribute(log, "unix:uid"));
        assertEquals(before, threadCredentials(), "the thread's filesystem ids are back");
    }

    @Test
    void childReportsTheIdsAndGroupsOfTheUser() throws IOException {
        for (String name : List.of("nobody", "daemon", "postgres")) {
            var user = Users.byName(name);
            if (user.isEmpty()) {
                continue;
            }
            List<String> threadBefore = threadCredentials();
            String out = Children.output(idScript().withRunAs(asRunAs(user.get())), dir);
            assertEquals(threadBefore, threadCredentials());
            assertEquals(
                    List.of(Integer.toString(user.get().uid()), Integer.toString(user.get().gid()), idGroupsOf(name)),
                    normalized(out),
                    name);
        }
    }

    @Test
    void uidWithoutPasswdEntryGetsOnlyItsGid() throws IOException {
        String out = Children.output(idScript().withRunAs(new RunAs(4000000, 4000001)), dir);
        assertEquals(List.of("4000000", "4000001", "4000001"), normalized(out));
        assertEquals(List.of(4000001), Spawner.supplementaryGroups(new RunAs(4000000, 4000001)));
    }

    @Test
    void virtualThreadFallsBackToSetprivAndGetsTheSameIds() throws Exception {
        String platform = Children.output(idScript().withRunAs(asRunAs(nobody)), dir);
        AtomicReference<Object> virtual = new AtomicReference<>();
        Thread.ofVirtual()
                .start(
                        () -> {
                            try {
                                virtual.set(Children.output(idScript().withRunAs(asRunAs(nobody)), dir));
                            } catch (IOException | RuntimeException | AssertionError e) {
                                virtual.set(e);
                            }
                        })
                .join();
        assertEquals(platform, virtual.get());
        assertEquals(List.of("65534", "65534", idGroupsOf("nobody")), normalized(platform));
    }

    @Test
    void spawnThatFailsAsAnotherUserStillRestoresTheThread() throws IOException {
        List<String> before = threadCredentials();
        var missing =
                Spawner.spawn(
                        SpawnSpec.of(dir.resolve("no-such-program"), List.of("x"), Children.ENV)
                                .withRunAs(asRunAs(nobody)));
        assertEquals(Libc.ENOENT, assertInstanceOf(SpawnResult.Failed.class, missing).errno());
        assertEquals(before, threadCredentials());

        // root may run it, nobody may not even reach it: the exec in the child fails
        Path hidden =
                Files.createDirectory(
                        dir.resolve("hidden"),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path script = Files.writeString(hidden.resolve("script"), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        var denied = Spawner.spawn(SpawnSpec.of(script, List.of("script"), Children.ENV).withRunAs(asRunAs(nobody)));
        var failed = assertInstanceOf(SpawnResult.Failed.class, denied);
        assertEquals(SpawnStage.EXEC, failed.stage());
        assertEquals(Libc.EACCES, failed.errno());
        assertEquals(before, threadCredentials());
    }

    @Test
    void concurrentSpawnsAsDifferentUsersEachGetTheirIdsAndLeaveTheirThreadsAlone() throws Exception {
        User root = Users.byName("root").orElseThrow();
        User daemon = Users.byName("daemon").orElseThrow();
        List<RunAs> users = List.of(asRunAs(nobody), asRunAs(root), asRunAs(daemon), new RunAs(4000000, 4000001));
        List<List<String>> expected =
                List.of(
                        List.of("65534", "65534", idGroupsOf("nobody")),
                        List.of("0", "0", idGroupsOf("root")),
                        List.of(Integer.toString(daemon.uid()), Integer.toString(daemon.gid()), idGroupsOf("daemon")),
                        List.of("4000000", "4000001", "4000001"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(users.size());
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < users.size(); t++) {
                RunAs user = users.get(t);
                List<String> want = expected.get(t);
                Path own = Files.createDirectory(dir.resolve("t" + t));
                results.add(
                        pool.submit(
                                (Callable<Void>)
                                        () -> {
                                            List<String> before = threadCredentials();
                                            start.await();
                                            for (int i = 0; i < 10; i++) {
                                                assertEquals(
                                                        want,
                                                        normalized(Children.output(idScript().withRunAs(user), own)),
                                                        user.toString());
                                                assertEquals(before, threadCredentials(), user.toString());
                                            }
                                            return null;
                                        }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get(8, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static RunAs asRunAs(User user) {
        return new RunAs(user.uid(), user.gid());
    }

    private static SpawnSpec idScript() {
        return Children.sh("id -u; id -g; id -G");
    }

    /** The output of {@code id -G name} run as root, its groups sorted. */
    private String idGroupsOf(String name) throws IOException {
        return sorted(Children.output(Children.sh("id -G " + name), dir));
    }

    private static List<String> normalized(String idOutput) {
        List<String> lines = idOutput.lines().toList();
        assertEquals(3, lines.size(), idOutput);
        return List.of(lines.get(0), lines.get(1), sorted(lines.get(2)));
    }

    /** Space-separated group ids, sorted, without duplicates (id -G lists the egid first). */
    private static String sorted(String groups) {
        return String.join(
                " ",
                Arrays.stream(groups.strip().split("\\s+"))
                        .filter(g -> !g.isEmpty())
                        .mapToLong(Long::parseLong)
                        .sorted()
                        .distinct()
                        .mapToObj(Long::toString)
                        .toList());
    }

    /** The Uid, Gid, Groups and capability lines of the calling thread. */
    private static List<String> threadCredentials() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/thread-self/status"));
            List<String> creds = lines.stream().filter(l -> l.matches("^(Uid|Gid|Groups|CapEff|CapPrm):.*")).toList();
            assertEquals(5, creds.size(), lines.toString());
            return creds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String field(List<String> status, String name) {
        return status.stream()
                .filter(l -> l.startsWith(name + ":"))
                .findFirst()
                .map(l -> l.substring(name.length() + 1).strip())
                .orElseThrow(() -> new AssertionError("no " + name + " in " + status));
    }
}
