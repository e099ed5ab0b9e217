package org.opensrc.srcmstr.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensrc.srcmstr.registry.SubsystemDef;
import org.opensrc.srcmstr.supervise.DeathHistory;
import org.opensrc.srcmstr.supervise.Instance;
import org.opensrc.srcmstr.supervise.InstanceId;
import org.opensrc.srcmstr.supervise.InstanceState;
import org.opensrc.srcmstr.supervise.SubsystemRecord;
import org.opensrc.srcmstr.supervise.SupervisionState;
import org.opensrc.srcmstr.supervise.Want;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** The image and its journal: what is appended per save, and what a restarted srcmstr reads back. */
class JournalTest {

    private static Instance running(long id, long pid) {
        SubsystemDef def = ReadoptionTest.def("s" + id, SubsystemDef.Contact.SIGNAL);
        return new Instance(
                new InstanceId(id),
                def,
                List.of(),
                List.of(),
                pid,
                OptionalLong.of(pid * 10),
                false,
                new InstanceState.Active(pid, 0));
    }

    private static SupervisionState state(Map<InstanceId, Instance> instances) {
        Map<String, SubsystemRecord> records = new HashMap<>();
        instances.values().forEach(i -> records.put(i.name(), new SubsystemRecord(Want.UP, DeathHistory.NONE, 0, "")));
        return new SupervisionState(instances, Map.of(), Map.of(), records, 1000, false);
    }

    private static SupervisionState many(int n) {
        Map<InstanceId, Instance> instances = new HashMap<>();
        for (long id = 1; id <= n; id++) {
            instances.put(new InstanceId(id), running(id, 1000 + id));
        }
        return state(instances);
    }

    private static SupervisionState replaced(SupervisionState s, long id, long newPid) {
        Map<InstanceId, Instance> instances = new HashMap<>(s.instances());
        instances.put(new InstanceId(id), running(id, newPid));
        return new SupervisionState(instances, s.spawning(), s.retries(), s.subsystems(), s.nextId(), false);
    }

    private static JournalEntry delta(SupervisionState before, SupervisionState after, long seq) {
        return Snapshots.delta("run1", before, after, List::of, pid -> 0, 5_000 + seq, seq);
    }

    @Test
    void aSaveAppendsOnlyWhatChangedHoweverManySubsystemsRun() {
        SupervisionState before = many(500);
        SupervisionState after = replaced(before, 7, 4242);
        JournalEntry entry = delta(before, after, 1);
        assertEquals(List.of("7"), List.copyOf(entry.instances().keySet()));
        assertEquals(4242, entry.instances().get("7").pid());
        assertTrue(entry.spawning().isEmpty() && entry.retries().isEmpty() && entry.subsystems().isEmpty());
        assertTrue(delta(after, after, 2).nothingChanged());
    }

    @Test
    void theImageAndItsJournalReadBackAsTheLastStateSaved(@TempDir Path dir) throws IOException {
        SupervisionState s0 = many(3);
        SupervisionState s1 = replaced(s0, 2, 777);
        Map<InstanceId, Instance> fewer = new HashMap<>(s1.instances());
        fewer.remove(new InstanceId(1));
        SupervisionState s2 = state(fewer);
        try (StateFile file = new StateFile(dir.resolve("state.json"))) {
            file.write(Snapshots.image("run1", s0, List.of(), pid -> 0, 1_000, "run1.1"));
            file.append(delta(s0, s1, 1), true);
            file.append(delta(s1, s2, 2), false);
        }
        SavedState read = new StateFile(dir.resolve("state.json")).read().orElseThrow();
        assertEquals(Snapshots.of("run1", s2, List.of(), pid -> 0, 5_002), read);
    }

    @Test
    void aLastLineCutShortByACrashIsIgnored(@TempDir Path dir) throws IOException {
        SupervisionState s0 = many(2);
        SupervisionState s1 = replaced(s0, 1, 555);
        try (StateFile file = new StateFile(dir.resolve("state.json"))) {
            file.write(Snapshots.image("run1", s0, List.of(), pid -> 0, 1_000, "run1.1"));
            file.append(delta(s0, s1, 1), true);
        }
        Files.writeString(dir.resolve("state.journal"), "{\"seq\":2,\"at\":9,\"inst", StandardOpenOption.APPEND);
        assertEquals(555, new StateFile(dir.resolve("state.json")).read().orElseThrow().instances().getFirst().pid());
    }

    @Test
    void aBrokenLineBeforeTheLastIsAnErrorNamingTheJournalAndTheLine(@TempDir Path dir) throws IOException {
        SupervisionState s0 = many(2);
        try (StateFile file = new StateFile(dir.resolve("state.json"))) {
            file.write(Snapshots.image("run1", s0, List.of(), pid -> 0, 1_000, "run1.1"));
        }
        Files.writeString(dir.resolve("state.journal"), "{broken\n", StandardOpenOption.APPEND);
        try (StateFile file = new StateFile(dir.resolve("state.json"))) {
            // reopened for appending only by writing an image; append by hand as a crashed srcmstr left it
        }
        Files.writeString(
                dir.resolve("state.journal"),
                "{\"seq\":2,\"at\":9,\"instances\":{},\"spawning\":{},\"retries\":{},\"subsystems\":{}}\n",
                StandardOpenOption.APPEND);
        IOException e = assertThrows(IOException.class, () -> new StateFile(dir.resolve("state.json")).read());
        assertTrue(e.getMessage().contains("state.journal: line 2"), e.getMessage());
    }

    @Test
    void aJournalLeftFromBeforeTheImageWasRewrittenIsIgnored(@TempDir Path dir) throws IOException {
        SupervisionState s0 = many(2);
        SupervisionState s1 = replaced(s0, 1, 555);
        Path journal = dir.resolve("state.journal");
        try (StateFile file = new StateFile(dir.resolve("state.json"))) {
            file.write(Snapshots.image("run1", s0, List.of(), pid -> 0, 1_000, "run1.1"));
            file.append(delta(s0, s1, 1), true);
        }
        byte[] staleJournal = Files.readAllBytes(journal);
        try (StateFile file = new StateFile(dir.resolve("state.json"))) {
            file.write(Snapshots.image("run1", s0, List.of(), pid -> 0, 2_000, "run1.2"));
        }
        // a crash between the new image and its new journal leaves the old journal in place
        Files.write(journal, staleJournal);
        SavedState read = new StateFile(dir.resolve("state.json")).read().orElseThrow();
        assertEquals(1001, read.instances().getFirst().pid());
        assertEquals(2_000, read.savedAt());
    }

    @Test
    void aFormat1FileIsStillRead(@TempDir Path dir) throws IOException {
        String old =
                new String(
                                StateFile.encode(Snapshots.of("run0", many(1), List.of(), pid -> 0, 7)),
                                StandardCharsets.UTF_8)
                        .replace("\"version\" : 2", "\"version\" : 1")
                        .replaceAll(",\\s*\"journal\" : \"\"", "")
                        .replaceAll(",\\s*\"ids\" : \\{[^}]*\\}", "");
        assertTrue(old.contains("\"version\" : 1") && !old.contains("\"ids\""), old);
        Files.writeString(dir.resolve("state.json"), old);
        SavedState read = new StateFile(dir.resolve("state.json")).read().orElseThrow();
        assertEquals(1001, read.instances().getFirst().pid());
        assertEquals("run0", read.runId());
    }
}
