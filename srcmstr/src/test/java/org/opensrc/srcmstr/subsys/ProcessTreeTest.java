package org.opensrc.srcmstr.subsys;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ProcessTreeTest {

    private final Map<Integer, Integer> parents = Map.of(40, 30, 30, 20, 20, 1, 50, 1);
    private final ProcessTree tree = pid -> parents.containsKey(pid) ? OptionalInt.of(parents.get(pid)) : OptionalInt.empty();

    @Test
    void aGrandchildIsWithinItsAncestor() {
        assertTrue(tree.isWithin(40, 20));
        assertTrue(tree.isWithin(20, 20));
    }

    @Test
    void aProcessInAnotherBranchOrGoneIsNotWithin() {
        assertFalse(tree.isWithin(50, 20));
        assertFalse(tree.isWithin(77, 20));
    }

    @Test
    void theRealProcReadsThisJvmsParent() {
        int self = (int) ProcessHandle.current().pid();
        int parent = (int) ProcessHandle.current().parent().orElseThrow().pid();
        assertTrue(ProcessTree.proc().isWithin(self, parent));
        assertTrue(ProcessTree.proc().parentOf(self).isPresent());
    }
}
