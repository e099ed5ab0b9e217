package org.opensrc.srcmstr.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

class DraftTest {

    private final Map<String, Integer> base = Map.of("a", 1, "b", 2);

    private static final Function<Integer, Integer> LAST_DIGIT = v -> v % 10;

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

    @Test
    void aLongRunOfSmallChangesReadsAndIsSearchedLikeOneMapAndLeavesEveryEarlierMapAsItWas() {
        Random random = new Random(17);
        Map<Integer, Integer> model = new HashMap<>();
        for (int i = 0; i < 500; i++) {
            model.put(i, i);
        }
        Map<Integer, Integer> current = new Draft<>(Map.copyOf(model)).result();
        List<Map<Integer, Integer>> earlier = new ArrayList<>();
        List<Map<Integer, Integer>> expected = new ArrayList<>();
        // each step changes one or two entries, as one stop or one death does; far more steps than a layer holds
        for (int step = 0; step < 2000; step++) {
            Draft<Integer, Integer> draft = new Draft<>(current);
            int key = random.nextInt(600);
            if (random.nextInt(3) == 0) {
                draft.remove(key);
                model.remove(key);
            } else {
                draft.put(key, step);
                model.put(key, step);
            }
            if (random.nextInt(5) == 0) {
                draft.remove(key);
                model.remove(key);
                draft.put(key + 1000, step);
                model.put(key + 1000, step);
            }
            assertEquals(model, draft);
            int digit = random.nextInt(10);
            assertEquals(
                    model.values().stream().filter(v -> v % 10 == digit).sorted().toList(),
                    draft.where(LAST_DIGIT, digit).stream().sorted().toList());
            current = draft.result();
            assertEquals(model, current);
            assertEquals(model.size(), current.size());
            assertEquals(model.size(), current.values().stream().count());
            if (step % 100 == 0) {
                earlier.add(current);
                expected.add(Map.copyOf(model));
            }
        }
        assertEquals(expected, earlier);
    }

    @Test
    void theKeysThatMayDifferBetweenTwoLaterMapsNameEveryKeyThatDoesAndFewMore() {
        Random random = new Random(23);
        Map<Integer, Integer> initial = new HashMap<>();
        for (int i = 0; i < 500; i++) {
            initial.put(i, i);
        }
        List<Map<Integer, Integer>> maps = new ArrayList<>();
        maps.add(new Draft<>(Map.copyOf(initial)).result());
        for (int step = 0; step < 600; step++) {
            Draft<Integer, Integer> draft = new Draft<>(maps.getLast());
            int key = 470 + random.nextInt(60); // half in the first map, half added (and removed again) later
            switch (random.nextInt(4)) {
                case 0 -> draft.remove(key);
                case 1 -> {} // a step that leaves the map alone
                default -> draft.put(key, step * 1000 + key);
            }
            maps.add(draft.result());
        }
        int told = 0;
        for (int n = 0; n < 3000; n++) {
            int i = random.nextInt(maps.size());
            int j = Math.min(maps.size() - 1, i + random.nextInt(20));
            Map<Integer, Integer> before = maps.get(i);
            Map<Integer, Integer> after = maps.get(j);
            Optional<Set<Integer>> keys = Draft.keysThatMayDiffer(before, after);
            if (keys.isEmpty()) {
                continue;
            }
            told++;
            Set<Integer> differing = new HashSet<>();
            for (int key = 0; key < 600; key++) {
                if (before.get(key) != after.get(key)) {
                    differing.add(key);
                }
            }
            assertTrue(keys.get().containsAll(differing), "missed " + differing + " in " + keys.get());
            assertTrue(keys.get().size() <= 2 * Math.sqrt(500) + 2, keys.get().size() + " keys");
        }
        // the layers are merged now and then, past which two maps can only be compared entry by entry
        assertTrue(told > 1500, told + " of 3000 pairs told");
        assertEquals(Optional.of(Set.of()), Draft.keysThatMayDiffer(maps.get(7), maps.get(7)));
        assertEquals(Optional.empty(), Draft.keysThatMayDiffer(Map.copyOf(initial), maps.get(1)));
    }
}
