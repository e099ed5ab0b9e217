package org.opensrc.srcmstr.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opensrc.srcmstr.state.JournalEntry;
import org.opensrc.srcmstr.state.Snapshots;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;

/**
 * A save's journal entry is computed from the keys the states' layers name when the two states followed one another
 * ({@link SupervisionState#keysThatMayDiffer}); it must be the entry that comparing every entry gives.
 */
class JournalDeltaTest {

    private final Harness h = new Harness();

    @Test
    void theEntryOfAnyTwoLaterStatesIsTheOneComparingEveryEntryGives() {
        Random random = new Random(41);
        List<SupervisionState> states = new ArrayList<>();
        List<Long> pids = new ArrayList<>();
        long nextPid = 1000;
        for (int i = 0; i < 300; i++) {
            h.start(Defs.of("s" + i).def(), nextPid);
            pids.add(nextPid++);
        }
        states.add(h.state);
        for (int step = 0; step < 400; step++) {
            int victim = random.nextInt(pids.size());
            switch (random.nextInt(3)) {
                case 0 -> { // a death and its respawn
                    h.die(pids.get(victim), "exit 1");
                    states.add(h.state);
                    if (!h.of(Effect.Spawn.class).isEmpty()) {
                        h.spawnSucceeds(nextPid);
                        pids.set(victim, nextPid++);
                    }
                }
                case 1 -> { // a stop, its death, and a start again
                    h.stop("s" + victim, StopType.NORMAL);
                    states.add(h.state);
                    h.die(pids.get(victim), "signal 15");
                    states.add(h.state);
                    h.start(Defs.of("s" + victim).def(), nextPid);
                    pids.set(victim, nextPid++);
                }
                default -> h.advance(1000);
            }
            states.add(h.state);
        }
        int fromLayers = 0;
        for (int n = 0; n < 2000; n++) {
            int i = random.nextInt(states.size());
            int j = Math.min(states.size() - 1, i + random.nextInt(12));
            SupervisionState before = states.get(i);
            SupervisionState after = states.get(j);
            if (SupervisionState.keysThatMayDiffer(before.instances(), after.instances()).isPresent()
                    && SupervisionState.keysThatMayDiffer(before.subsystems(), after.subsystems()).isPresent()) {
                fromLayers++;
            }
            assertEquals(delta(plain(before), plain(after)), delta(before, after), "states " + i + " → " + j);
        }
        assertTrue(fromLayers > 1000, fromLayers + " of 2000 pairs compared through their layers");
    }

    private static JournalEntry delta(SupervisionState before, SupervisionState after) {
        return Snapshots.delta("run1", before, after, List::of, pid -> 0, 5_000, 1);
    }

    /** The same state in plain maps, which only comparing every entry can tell apart. */
    private static SupervisionState plain(SupervisionState s) {
        return new SupervisionState(
                new HashMap<>(s.instances()),
                new HashMap<>(s.spawning()),
                new HashMap<>(s.retries()),
                new HashMap<>(s.subsystems()),
                s.nextId(),
                s.shuttingDown());
    }
}
