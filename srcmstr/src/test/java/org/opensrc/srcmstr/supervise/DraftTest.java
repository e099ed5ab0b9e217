package org.opensrc.srcmstr.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.Map;

class DraftTest {

    private final Map<String, Integer> base = Map.of("a", 1, "b", 2);

    @Test
    void aDraftLeftAloneGivesBackTheMapItReads() {
        Draft<String, Integer> draft = new Draft<>(base);
        assertEquals(1, draft.get("a"));
        assertFalse(draft.changed());
        assertSame(base, draft.result());
    }

    @Test
    void writingWhatIsThereAlreadyOrRemovingWhatIsNotIsNoChange() {
        Draft<String, Integer> draft = new Draft<>(base);
        draft.put("a", 1);
        draft.remove("zz");
        draft.replaceAll((k, v) -> v);
        assertFalse(draft.changed());
    }

    @Test
    void aChangeCopiesOnceAndLeavesTheBaseAsItWas() {
        Draft<String, Integer> draft = new Draft<>(base);
        draft.put("a", 10);
        draft.remove("b");
        draft.put("c", 3);
        assertTrue(draft.changed());
        assertEquals(Map.of("a", 10, "c", 3), draft.result());
        assertEquals(Map.of("a", 1, "b", 2), base);
    }

    @Test
    void theResultCannotBeChangedAndAStateKeepsItWithoutCopying() {
        Draft<String, Integer> draft = new Draft<>(base);
        draft.put("c", 3);
        Map<String, Integer> result = draft.result();
        assertThrows(UnsupportedOperationException.class, () -> result.put("d", 4));
        assertThrows(UnsupportedOperationException.class, () -> result.values().clear());
        Draft<InstanceId, PendingRetry> retries = new Draft<>(Map.of());
        retries.put(
                new InstanceId(1),
                new PendingRetry(new InstanceId(1), Defs.of("x").def(), java.util.List.of(), java.util.List.of(), 5));
        Map<InstanceId, PendingRetry> kept = retries.result();
        SupervisionState state = new SupervisionState(Map.of(), Map.of(), kept, Map.of(), 2, false);
        assertSame(kept, state.retries());
    }
}
