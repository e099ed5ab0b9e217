package org.opensrc.srcmstr.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.srcmstr.registry.SubsystemDef;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** What a restarted srcmstr does with what its predecessor saved: Recall, Adopt, EndedWhileAway. */
class ReadoptionRulesTest {

    private final Harness h = new Harness();

    @Test
    void persistComesFirstAndIsUrgentWhenTheTransitionSpawnsOrAnswers() {
        SubsystemDef def = Defs.of("sendmail").def();
        h.ask(new Command.Start(def, List.of(), List.of()));
        assertEquals(new Effect.Persist(true), h.effects.getFirst());
        h.spawnSucceeds(100);
        assertEquals(
                new Effect.Persist(false),
                h.effects.getFirst(),
                "the spawn was saved with its marker before it was made: its answer needs no second durable save");
        assertEquals(1, h.of(Effect.Reply.class).size());
        h.apply(new Event.Exited(100, "exit 1", List.of()));
        assertEquals(
                new Effect.Persist(false),
                h.effects.getFirst(),
                "a restart is saved (written) before it is spawned, but not synced: a crash of the machine leaves no"
                        + " process to duplicate");
        assertEquals(1, h.of(Effect.Spawn.class).size());
        h.spawnSucceeds(101);
        h.stop("sendmail", StopType.NORMAL);
        assertEquals(new Effect.Persist(true), h.effects.getFirst(), "a stop is synced before its signal");
        h.apply(new Event.Attached(101));
        assertEquals(List.of(new Effect.Persist(false)), h.effects);
    }

    @Test
    void adoptedInstanceIsActiveWatchedAndWanted() {
        SubsystemDef def = Defs.of("sendmail").def();
        h.apply(new Event.Adopt(def, 555, OptionalLong.of(7), List.of("-a"), List.of("E=1"), 550, Optional.empty()));
        assertEquals(List.of(new Effect.Watch(555)), h.of(Effect.Watch.class));
        assertEquals(StatusWord.ACTIVE, h.status(def).status());
        assertEquals(Want.UP, h.state.subsystem("sendmail").want());
        assertEquals(550, h.state.instances().values().iterator().next().sessionId());
    }

    @Test
    void adoptedInstanceThatWasStoppingIsNotRespawnedWhenItEnds() {
        SubsystemDef def = Defs.of("sendmail").def();
        h.apply(new Event.Recall(Map.of("sendmail", SubsystemRecord.NEW), List.of()));
        h.apply(new Event.Adopt(def, 555, OptionalLong.of(7), List.of(), List.of(), 555, Optional.of(StopType.NORMAL)));
        assertEquals(StatusWord.STOPPING, h.status(def).status());
        assertEquals(
                List.of(new Effect.Signal(555, "SIGUSR1")),
                h.of(Effect.Signal.class),
                "the earlier srcmstr saved the stop before sending it and may have died in between: sent again");
        h.die(555, "unknown");
        assertTrue(h.of(Effect.Spawn.class).isEmpty());
        assertEquals(StatusWord.INOPERATIVE, h.status(def).status());
    }

    @Test
    void adoptedCancelStopKeepsItsKillTimer() {
        SubsystemDef def = Defs.of("sendmail").waittime(5).def();
        h.apply(new Event.Adopt(def, 555, OptionalLong.of(7), List.of(), List.of(), 555, Optional.of(StopType.CANCEL)));
        assertEquals(1, h.of(Effect.ArmTimer.class).size());
        assertEquals(List.of(new Effect.Signal(555, "SIGTERM")), h.of(Effect.Signal.class));
        assertEquals(StatusWord.WARNED_TO_STOP, h.status(def).status());
    }

    @Test
    void secondAdoptionOfASingleInstanceSubsystemIsRefused() {
        SubsystemDef def = Defs.of("sendmail").def();
        h.apply(new Event.Adopt(def, 555, OptionalLong.of(7), List.of(), List.of()));
        h.apply(new Event.Adopt(def, 556, OptionalLong.of(8), List.of(), List.of()));
        assertEquals(1, h.state.instances().size());
        assertEquals(1, h.of(Effect.Notice.class).size());
    }

    @Test
    void instanceThatEndedWhileAwayIsRespawnedWithItsWordsAndShowsUnknownExit() {
        SubsystemDef def = Defs.of("sendmail").def();
        h.apply(new Event.Recall(Map.of("sendmail", SubsystemRecord.NEW.withWant(Want.UP)), List.of()));
        h.apply(new Event.EndedWhileAway(def, 555, List.of("-a"), List.of("E=1"), false));
        assertEquals(List.of(SrcCode.SRC_CODE_RSTRT), h.logged());
        Effect.Spawn spawn = h.onlySpawn();
        assertEquals(List.of("-a"), spawn.args());
        assertEquals(List.of("E=1"), spawn.env());
        assertEquals("unknown", h.state.subsystem("sendmail").lastExit());
    }

    @Test
    void instanceThatEndedWhileAwayAfterAStopIsNotRespawned() {
        SubsystemDef def = Defs.of("sendmail").def();
        h.apply(new Event.EndedWhileAway(def, 555, List.of(), List.of(), true));
        assertTrue(h.of(Effect.Spawn.class).isEmpty());
        assertEquals("unknown", h.state.subsystem("sendmail").lastExit());
    }

    @Test
    void recalledDeathSeriesStillLimitsRespawns() {
        SubsystemDef def = Defs.of("sendmail").def();
        SubsystemRecord twoDeaths = new SubsystemRecord(Want.UP, new DeathHistory(2, h.now - 1000, 0), 2, "exit 1");
        h.apply(new Event.Recall(Map.of("sendmail", twoDeaths), List.of()));
        h.apply(new Event.EndedWhileAway(def, 555, List.of(), List.of(), false));
        assertEquals(List.of(SrcCode.SRC_CODE_TRYX), h.logged());
        assertTrue(h.of(Effect.Spawn.class).isEmpty());
    }

    @Test
    void recalledRestartsAreReArmedOrOrderedAgain() {
        SubsystemDef later = Defs.of("later").backoff(1000, 8000).def();
        SubsystemDef lost = Defs.of("lost").def();
        h.apply(
                new Event.Recall(
                        Map.of(
                                "later",
                                SubsystemRecord.NEW.withWant(Want.UP),
                                "lost",
                                SubsystemRecord.NEW.withWant(Want.UP)),
                        List.of(
                                new Event.Recall.Restart(later, List.of(), List.of(), h.now + 5000),
                                new Event.Recall.Restart(lost, List.of("-x"), List.of(), 0))));
        assertEquals(1, h.of(Effect.ArmTimer.class).size());
        assertEquals(lost, h.onlySpawn().definition());
    }

    @Test
    void recalledRestartOfASubsystemNoLongerWantedIsDropped() {
        SubsystemDef lost = Defs.of("lost").def();
        h.apply(
                new Event.Recall(
                        Map.of("lost", SubsystemRecord.NEW),
                        List.of(new Event.Recall.Restart(lost, List.of(), List.of(), 0))));
        assertFalse(h.effects.stream().anyMatch(e -> e instanceof Effect.Spawn));
    }
}
