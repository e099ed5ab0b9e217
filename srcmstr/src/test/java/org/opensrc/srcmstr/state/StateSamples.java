package org.opensrc.srcmstr.state;

import org.opensrc.srcmstr.registry.RegistrySamples;
import org.opensrc.srcmstr.registry.SubsystemDef;
import org.opensrc.srcmstr.supervise.DeathHistory;
import org.opensrc.srcmstr.supervise.SubsystemRecord;
import org.opensrc.srcmstr.supervise.Want;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of the sample files {@code state/state.json}, {@code state-empty.json} and {@code state.journal} (test
 * resources), which were written by the ObjectMapper codec before the streaming one. Every map holds at most one entry,
 * so that the files do not depend on a map's order.
 */
final class StateSamples {

    private StateSamples() {}

    static SubsystemDef odd() {
        return RegistrySamples.registry().subsystems().get(1);
    }

    static SubsystemDef sshd() {
        return RegistrySamples.registry().subsystems().get(0);
    }

    static SavedState.Instance instance() {
        return new SavedState.Instance(
                odd(),
                4242,
                123_456_789_012L,
                4242,
                List.of("-x", "a b", ""),
                List.of("A=1", "B=ü\n\"q\""),
                "tok-\u0007",
                "warned to stop",
                "CANCEL");
    }

    static SavedState.Spawn spawn() {
        return new SavedState.Spawn(sshd(), List.of(), List.of(), "run\"1.7");
    }

    static SavedState.Retry retry() {
        return new SavedState.Retry(sshd(), List.of("r"), List.of("E=1"), 1_733_550_000_000L);
    }

    static SubsystemRecord record() {
        return new SubsystemRecord(Want.UP, new DeathHistory(2, 1_733_549_000_000L, 500), 3, "exit 1");
    }

    static StateImage image() {
        return new StateImage(
                SavedState.VERSION,
                "run\"1",
                1_733_550_001_234L,
                "run\"1.4",
                List.of(instance()),
                List.of(spawn()),
                List.of(retry()),
                Map.of("odd", record()),
                new StateImage.Ids(List.of(5L), List.of(7L), List.of(9L)));
    }

    static StateImage emptyImage() {
        return new StateImage(
                SavedState.VERSION,
                "run0",
                0,
                "",
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                new StateImage.Ids(List.of(), List.of(), List.of()));
    }

    static JournalHeader header() {
        return new JournalHeader("run\"1.4");
    }

    static List<JournalEntry> entries() {
        Map<String, SavedState.Instance> gone = new HashMap<>();
        gone.put("5", null);
        Map<String, SavedState.Spawn> spawnGone = new HashMap<>();
        spawnGone.put("7", null);
        Map<String, SubsystemRecord> recordGone = new HashMap<>();
        recordGone.put("odd", null);
        return List.of(
                new JournalEntry(1, 1_733_550_002_000L, Map.of("5", instance()), Map.of(), Map.of(), Map.of()),
                new JournalEntry(2, 1_733_550_003_000L, gone, spawnGone, Map.of("9", retry()), recordGone),
                new JournalEntry(
                        3,
                        1_733_550_004_000L,
                        Map.of(),
                        Map.of("8", spawn()),
                        Map.of(),
                        Map.of("sshd", SubsystemRecord.NEW)));
    }
}
