package org.opensrc.srcmstr.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opensrc.srcmstr.registry.Defs;
import org.opensrc.srcmstr.registry.SubsystemDef;
import org.opensrc.srcmstr.supervise.SubsystemRecord;

import java.util.List;
import java.util.Map;

class StateCheckTest {

    private static SavedState.Instance instance(SubsystemDef def, long pid, String stop) {
        return new SavedState.Instance(def, pid, 5, pid, List.of(), List.of("A=1"), "", "active", stop);
    }

    @Test
    void poisonedEntriesAreSetAsideAndTheRestIsKept() {
        Defs hugeUid = Defs.subsystem("huge");
        hugeUid.uid = 4294967295L;
        Defs hugeBackoff = Defs.subsystem("slow");
        hugeBackoff.extensions = new SubsystemDef.Extensions(true, Long.MAX_VALUE, Long.MAX_VALUE, false, false);
        SubsystemDef good = Defs.subsystem("good").build();
        SavedState saved =
                new SavedState(
                        SavedState.VERSION,
                        "run",
                        1,
                        List.of(
                                instance(hugeUid.build(), 10, ""),
                                instance(good, 11, ""),
                                instance(good, 12, "SOMETIMES"),
                                instance(good, 0, "")),
                        List.of(new SavedState.Spawn(hugeBackoff.build(), List.of(), List.of(), "m")),
                        List.of(new SavedState.Retry(good, List.of("a\nb"), List.of(), 1)),
                        Map.of("good", SubsystemRecord.NEW, "../x", SubsystemRecord.NEW));

        StateCheck.Sorted sorted = StateCheck.sort(saved);

        assertEquals(List.of(11L), sorted.usable().instances().stream().map(SavedState.Instance::pid).toList());
        assertEquals(List.of(), sorted.usable().spawning());
        assertEquals(List.of(), sorted.usable().retries());
        assertEquals(Map.of("good", SubsystemRecord.NEW), sorted.usable().subsystems());
        assertEquals(6, sorted.rejected().size(), sorted.rejected().toString());
        assertTrue(
                sorted.rejected().getFirst().contains("uid: 4294967295 is out of range"), sorted.rejected().toString());
    }
}
