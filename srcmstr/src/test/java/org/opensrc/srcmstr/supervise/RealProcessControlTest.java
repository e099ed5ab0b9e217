package org.opensrc.srcmstr.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensrc.libsrc.posix.Posix;
import org.opensrc.libsrc.posix.ProcessTable;
import org.opensrc.libsrc.posix.Users;
import org.opensrc.srcmstr.registry.SubsystemDef;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Real short processes; every wait is on an event with a deadline. */
class RealProcessControlTest {

    private record Death(long pid, String how, List<Long> survivors) {}

    private final RealProcessControl control = new RealProcessControl(ProcessTable.system());

    @TempDir Path dir;

    @AfterEach
    void close() {
        control.close();
    }

    private static SubsystemDef sh(String script, String stdout) {
        return new SubsystemDef(
                "t",
                "",
                "-c '" + script + "'",
                "/bin/sh",
                Posix.geteuid(),
                0,
                "",
                stdout,
                "",
                SubsystemDef.Action.ONCE,
                false,
                SubsystemDef.Contact.SIGNAL,
                0,
                0,
                20,
                "SIGTERM",
                "SIGKILL",
                true,
                20,
                "",
                SubsystemDef.Extensions.NONE);
    }

    private long spawn(SubsystemDef def, List<String> args, List<String> env) {
        SpawnOutcome outcome = control.spawn(new SpawnOrder(new InstanceId(1), def, args, env));
        return assertInstanceOf(SpawnOutcome.Spawned.class, outcome).pid();
    }

    private CompletableFuture<Death> watch(long pid) {
        CompletableFuture<Death> death = new CompletableFuture<>();
        control.watch(pid, (p, how, survivors) -> death.complete(new Death(p, how, survivors)));
        return death;
    }

    private static Death await(CompletableFuture<Death> death) throws Exception {
        return death.get(5, TimeUnit.SECONDS);
    }

    @Test
    void spawnPassesArgsAndAFreshEnvironmentAndReportsTheExit() throws Exception {
        Path out = dir.resolve("out");
        long pid =
                spawn(sh("echo \"$0 $1 $FOO $HOME\"; exit 3", out.toString()), List.of("x", "y"), List.of("FOO=bar"));
        Death death = await(watch(pid));
        assertEquals("exit 3", death.how());
        assertEquals(List.of(), death.survivors());
        String home = Users.byUid(Posix.geteuid()).orElseThrow().home();
        assertEquals("x y bar " + home, Files.readString(out).strip());
    }

    @Test
    void childLeftInTheSessionIsASurvivorAndKillTreeEndsIt() throws Exception {
        long pid = spawn(sh("sleep 30 & exit 0", ""), List.of(), List.of());
        Death death = await(watch(pid));
        assertEquals(1, death.survivors().size());
        long survivor = death.survivors().getFirst();
        CompletableFuture<Death> survivorDeath = watch(survivor);
        control.killTree(survivor, pid);
        await(survivorDeath);
    }

    @Test
    void signalByNameReachesTheProcess() throws Exception {
        long pid = spawn(sh("exec sleep 30", ""), List.of(), List.of());
        CompletableFuture<Death> death = watch(pid);
        control.signal(pid, "SIGTERM");
        assertEquals("signal 15", await(death).how());
    }

    @Test
    void spawnFailuresNameTheStage() {
        SubsystemDef missing =
                new SubsystemDef(
                        "t",
                        "",
                        "",
                        "/nonexistent/daemon",
                        Posix.geteuid(),
                        0,
                        "",
                        "",
                        "",
                        SubsystemDef.Action.ONCE,
                        false,
                        SubsystemDef.Contact.SIGNAL,
                        0,
                        0,
                        20,
                        "",
                        "",
                        true,
                        20,
                        "",
                        SubsystemDef.Extensions.NONE);
        assertEquals(SpawnStage.EXEC, stage(missing));
        assertEquals(SpawnStage.STDOUT, stage(sh("exit 0", "/nonexistent/dir/out")));
        assertTrue(control.watchedPids().isEmpty());
    }

    private SpawnStage stage(SubsystemDef def) {
        SpawnOutcome outcome = control.spawn(new SpawnOrder(new InstanceId(1), def, List.of(), List.of()));
        return assertInstanceOf(SpawnOutcome.Failed.class, outcome).stage();
    }
}
