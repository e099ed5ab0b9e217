package org.opensrc.srcmstr.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensrc.srcmstr.registry.SubsystemDef;
import org.opensrc.srcmstr.supervise.DeathHistory;
import org.opensrc.srcmstr.supervise.Event;
import org.opensrc.srcmstr.supervise.SubsystemRecord;
import org.opensrc.srcmstr.supervise.Want;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** From a saved state and the live processes to the events that take them over; and the file itself. */
class ReadoptionTest {

    /** A process table by hand. */
    private static final class FakeProbe implements ProcessProbe {
        final Map<Long, Long> startTimes = new HashMap<>();
        final Map<String, Marked> marked = new HashMap<>();

        @Override
        public OptionalLong startTime(long pid) {
            Long t = startTimes.get(pid);
            return t == null ? OptionalLong.empty() : OptionalLong.of(t);
        }

        @Override
        public Map<String, Marked> findMarked(Set<String> markers) {
            Map<String, Marked> found = new HashMap<>(marked);
            found.keySet().retainAll(markers);
            return found;
        }
    }

    static SubsystemDef def(String name, SubsystemDef.Contact contact) {
        return new SubsystemDef(
                name,
                "",
                "",
                "/bin/" + name,
                0,
                0,
                "",
                "",
                "",
                SubsystemDef.Action.RESPAWN,
                false,
                contact,
                0,
                0,
                20,
                "",
                "",
                true,
                20,
                "",
                SubsystemDef.Extensions.NONE);
    }

    private static SavedState.Instance instance(String name, long pid, long startTime, String token) {
        return new SavedState.Instance(
                def(name, token.isEmpty() ? SubsystemDef.Contact.SIGNAL : SubsystemDef.Contact.SOCKET),
                pid,
                startTime,
                pid,
                List.of("-a"),
                List.of("E=1"),
                token,
                "active",
                "");
    }

    private static SavedState saved(List<SavedState.Instance> instances, List<SavedState.Spawn> spawning) {
        return new SavedState(
                SavedState.VERSION,
                "run1",
                1,
                instances,
                spawning,
                List.of(),
                Map.of("a", new SubsystemRecord(Want.UP, new DeathHistory(1, 5, 0), 1, "exit 1")));
    }

    @Test
    void liveProcessWithTheRecordedStartTimeIsAdoptedWithItsToken() {
        FakeProbe probe = new FakeProbe();
        probe.startTimes.put(100L, 777L);
        Readoption.Plan plan = Readoption.plan(saved(List.of(instance("a", 100, 777, "tok")), List.of()), probe);
        assertInstanceOf(Event.Recall.class, plan.events().getFirst());
        Event.Adopt adopt = assertInstanceOf(Event.Adopt.class, plan.events().get(1));
        assertEquals(100, adopt.pid());
        assertEquals(List.of("-a"), adopt.args());
        assertEquals("tok", plan.tokens().getFirst().token());
        assertEquals(100, plan.tokens().getFirst().pid());
    }

    @Test
    void pidReusedByAnotherProcessIsNeverAdopted() {
        FakeProbe probe = new FakeProbe();
        probe.startTimes.put(100L, 999L);
        Readoption.Plan plan = Readoption.plan(saved(List.of(instance("a", 100, 777, "")), List.of()), probe);
        assertInstanceOf(Event.EndedWhileAway.class, plan.events().get(1));
        assertEquals(0, plan.adopted());
        assertTrue(plan.tokens().isEmpty());
    }

    @Test
    void goneProcessEndedWhileAway() {
        Readoption.Plan plan = Readoption.plan(saved(List.of(instance("a", 100, 777, "")), List.of()), new FakeProbe());
        assertEquals(1, plan.ended());
        assertInstanceOf(Event.EndedWhileAway.class, plan.events().get(1));
    }

    @Test
    void unrecordedSpawnIsAdoptedByItsMarkerOrOrderedAgain() {
        FakeProbe probe = new FakeProbe();
        probe.marked.put("run1.7", new ProcessProbe.Marked(300, 5, 300, ""));
        SavedState.Spawn found =
                new SavedState.Spawn(def("a", SubsystemDef.Contact.SIGNAL), List.of(), List.of(), "run1.7");
        SavedState.Spawn lost =
                new SavedState.Spawn(def("b", SubsystemDef.Contact.SIGNAL), List.of(), List.of(), "run1.8");
        Readoption.Plan plan = Readoption.plan(saved(List.of(), List.of(found, lost)), probe);
        Event.Recall recall = assertInstanceOf(Event.Recall.class, plan.events().getFirst());
        assertEquals(List.of("b"), recall.restarts().stream().map(r -> r.definition().subsysname()).toList());
        assertEquals(300, assertInstanceOf(Event.Adopt.class, plan.events().get(1)).pid());
    }

    @Test
    void stateFileRoundTripsAndIgnoresAHalfWrittenNewFile(@TempDir Path dir) throws IOException {
        StateFile file = new StateFile(dir.resolve("state.json"));
        SavedState state = saved(List.of(instance("a", 100, 777, "tok")), List.of());
        file.write(StateFile.image(state, "", null));
        Files.writeString(dir.resolve("state.json.new"), "{\"version\":1,\"ru");
        assertEquals(state, file.read().orElseThrow());
        assertTrue(Files.notExists(dir.resolve("state.json.new")));
    }

    @Test
    void unreadableStateFileIsAnErrorNamingTheFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("state.json"), "{\"version\":1,\"bogus\":2}");
        IOException e =
                org.junit.jupiter.api.Assertions.assertThrows(
                        IOException.class, () -> new StateFile(dir.resolve("state.json")).read());
        assertTrue(e.getMessage().contains("state.json"), e.getMessage());
    }
}
