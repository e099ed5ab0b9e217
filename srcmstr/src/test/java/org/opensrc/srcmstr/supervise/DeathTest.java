package org.opensrc.srcmstr.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.srcmstr.registry.SubsystemDef;

import java.util.List;

class DeathTest {

    private final Harness h = new Harness();

    /** Lets the instance with {@code pid} die and delivers the respawn as {@code newPid}. */
    private void dieAndRespawn(long pid, long newPid) {
        h.die(pid, "exit 1");
        h.spawnSucceeds(newPid);
    }

    @Test
    void startRepliesStartedWithThePidOnlyAfterTheSpawnResult() {
        SubsystemDef def = Defs.of("sendmail").def();
        assertEquals(List.of(), h.ask(new Command.Start(def, List.of("-bd"), List.of("X=1"))));
        Effect.Spawn spawn = h.onlySpawn();
        assertEquals(List.of("-bd"), spawn.args());
        h.spawnSucceeds(4242);
        Effect.Reply reply = h.of(Effect.Reply.class).getFirst();
        assertEquals(List.of(SrcMessage.of(SrcCode.SRC_CODE_STRTOK, "sendmail", "4242")), reply.outcomes());
        assertEquals(List.of(new Effect.Watch(4242)), h.of(Effect.Watch.class));
    }

    @ParameterizedTest
    @EnumSource(SpawnStage.class)
    void spawnFailureRepliesItsMessageAndLeavesNothingHalfStarted(SpawnStage stage) {
        SubsystemDef def = Defs.of("sendmail").def();
        h.ask(new Command.Start(def, List.of(), List.of()));
        h.apply(new Event.SpawnFailed(h.onlySpawn().instance(), stage));
        assertEquals(List.of(stage.code()), h.replyCodes());
        assertTrue(h.state.spawning().isEmpty());
        assertTrue(h.state.instances().isEmpty());
        assertEquals(List.of(SrcCode.SRC_CODE_STRTOK), h.start(def, 7), "a new start is possible");
    }

    @ParameterizedTest
    @EnumSource(org.opensrc.libsrc.posix.SpawnStage.class)
    void everySpawnerStageIsTheSameStepHere(org.opensrc.libsrc.posix.SpawnStage stage) {
        assertEquals(stage.name(), SpawnStage.of(stage).name());
    }

    @Test
    void spawnFailureCodesAreTheAixOnes() {
        assertEquals(SrcCode.SRC_CODE_FEXE, SpawnStage.EXEC.code());
        assertEquals(SrcCode.SRC_CODE_SUBSYSID, SpawnStage.USER.code());
        assertEquals(SrcCode.SRC_CODE_INPT, SpawnStage.STDIN.code());
        assertEquals(SrcCode.SRC_CODE_OUT, SpawnStage.STDOUT.code());
        assertEquals(SrcCode.SRC_CODE_SERR, SpawnStage.STDERR.code());
    }

    @Test
    void deathWithStatusZeroIsAbnormalAndRespawnedWithTheSameArgs() {
        h.start(Defs.of("sendmail").def(), 100);
        h.die(100, "exit 0");
        assertEquals(List.of(SrcCode.SRC_CODE_RSTRT), h.logged());
        Effect.Spawn spawn = h.onlySpawn();
        assertEquals(List.of("-x"), spawn.args());
        assertEquals(List.of("A=1"), spawn.env());
    }

    @Test
    void thirdDeathWithinWaittimeGivesUpAndNotifies() {
        SubsystemDef def = Defs.of("sendmail").def();
        h.start(def, 100);
        h.advance(1_000);
        dieAndRespawn(100, 101);
        h.advance(1_000);
        dieAndRespawn(101, 102);
        h.advance(1_000);
        h.die(102, "signal SIGSEGV");
        assertEquals(List.of(SrcCode.SRC_CODE_TRYX), h.logged());
        assertEquals(List.of(new Effect.RunNotify("sendmail", "tcpip")), h.of(Effect.RunNotify.class));
        assertTrue(h.of(Effect.Spawn.class).isEmpty());
        InstanceView view = h.status(def);
        assertEquals(StatusWord.INOPERATIVE, view.status());
        assertEquals(2, view.restarts());
        assertEquals("signal SIGSEGV", view.lastExit());
    }

    @Test
    void deathsSpacedBeyondWaittimeKeepRespawning() {
        h.start(Defs.of("sendmail").def(), 100);
        for (long pid = 100; pid < 110; pid++) {
            h.advance(21_000);
            h.die(pid, "exit 1");
            assertEquals(List.of(SrcCode.SRC_CODE_RSTRT), h.logged(), "death of " + pid);
            h.spawnSucceeds(pid + 1);
        }
    }

    @Test
    void onceSubsystemThatDiesLogs017AndNotifies() {
        h.start(Defs.of("lpd").once().def(), 100);
        h.die(100, "exit 3");
        assertEquals(List.of(SrcCode.SRC_CODE_SVKO), h.logged());
        assertEquals(List.of(new Effect.RunNotify("lpd", "tcpip")), h.of(Effect.RunNotify.class));
        assertTrue(h.of(Effect.Spawn.class).isEmpty());
    }

    @Test
    void daemonThatForksIntoTheBackgroundIsFollowed() {
        SubsystemDef def = Defs.of("portmap").def();
        h.start(def, 100);
        h.apply(new Event.Exited(100, "exit 0", List.of(101L, 102L)));
        assertEquals(List.of(new Effect.Watch(101)), h.of(Effect.Watch.class));
        assertEquals(1, h.of(Effect.Notice.class).size());
        assertTrue(h.logged().isEmpty());
        assertEquals(101, h.status(def).pid().orElseThrow());
        assertEquals(StatusWord.ACTIVE, h.status(def).status());
        h.stop("portmap", StopType.NORMAL);
        assertEquals(List.of(new Effect.Signal(101, "SIGUSR1")), h.of(Effect.Signal.class));
    }

    @Test
    void readinessKeepsTheInstanceStartingUntilReady() {
        SubsystemDef def = Defs.of("named").readiness().def();
        h.start(def, 100);
        assertEquals(StatusWord.STARTING, h.status(def).status());
        h.advance(300);
        h.apply(new Event.Ready(100));
        assertEquals(StatusWord.ACTIVE, h.status(def).status());
        assertEquals(h.now, h.status(def).since().orElseThrow());
    }

    @Test
    void runningInstanceKeepsTheDefinitionItWasStartedWith() {
        SubsystemDef old = Defs.of("sendmail").def();
        h.start(old, 100);
        SubsystemDef renamed = Defs.of("smtpd").def();
        List<InstanceView> lines = h.lssrc(List.of(renamed));
        assertEquals(List.of("sendmail", "smtpd"), lines.stream().map(InstanceView::name).toList());
        assertEquals(
                List.of(StatusWord.ACTIVE, StatusWord.INOPERATIVE), lines.stream().map(InstanceView::status).toList());
    }

    @Test
    void adoptInstallsAnActiveInstanceWithoutSpawning() {
        SubsystemDef def = Defs.of("sendmail").def();
        h.apply(new Event.Adopt(def, 555, java.util.OptionalLong.of(98765), List.of(), List.of()));
        assertTrue(h.of(Effect.Spawn.class).isEmpty());
        assertEquals(List.of(new Effect.Watch(555)), h.of(Effect.Watch.class));
        assertEquals(new Effect.Persist(false), h.effects.getFirst());
        assertEquals(StatusWord.ACTIVE, h.status(def).status());
        assertEquals(98765, h.state.instances().values().iterator().next().startTime().orElseThrow());
    }

    @Test
    void persistIsEmittedOnlyWhenStateChanged() {
        h.start(Defs.of("sendmail").def(), 100);
        assertEquals(new Effect.Persist(false), h.effects.getFirst());
        h.apply(new Event.Exited(999, "exit 0", List.of()));
        assertEquals(List.of(), h.effects);
    }
}
