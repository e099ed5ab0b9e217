package org.opensrc.srcmstr.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeapKeeperTest {

    private static final long MIB = 1L << 20;

    /** A heap whose committed size the test sets; a collection brings it to {@code afterCollection}. */
    private static final class FakeHeap implements HeapKeeper.Heap {
        long committed;
        long afterCollection;
        int collections;

        FakeHeap(long committed) {
            this.committed = committed;
            this.afterCollection = committed;
        }

        @Override
        public long committed() {
            return committed;
        }

        @Override
        public void collect() {
            collections++;
            committed = afterCollection;
        }
    }

    @Test
    void aHeapThatGrewByLessThanTheSlackIsLeftAlone() {
        var heap = new FakeHeap(14 * MIB);
        var keeper = new HeapKeeper(heap);
        heap.committed = 14 * MIB + HeapKeeper.MIN_SLACK;
        assertFalse(keeper.check());
        assertEquals(0, heap.collections);
    }

    @Test
    void aHeapThatGrewByMoreThanTheSlackIsCollectedOnce() {
        var heap = new FakeHeap(14 * MIB);
        var keeper = new HeapKeeper(heap);
        heap.committed = 14 * MIB + HeapKeeper.MIN_SLACK + 1;
        assertTrue(keeper.check());
        assertFalse(keeper.check());
        assertEquals(1, heap.collections);
    }

    @Test
    void theLimitFollowsTheHeapAfterACollection() {
        var heap = new FakeHeap(14 * MIB);
        var keeper = new HeapKeeper(heap);
        heap.afterCollection = 40 * MIB; // the live heap grew: more subsystems
        heap.committed = 60 * MIB;
        assertTrue(keeper.check());
        heap.committed = 60 * MIB; // 40 + 20: within half of the collected heap
        assertFalse(keeper.check());
        heap.committed = 60 * MIB + 1;
        assertTrue(keeper.check());
        assertEquals(2, heap.collections);
    }

    @Test
    void theSlackIsHalfTheHeapAndAtLeastEightMebibytes() {
        assertEquals(10 * MIB + HeapKeeper.MIN_SLACK, HeapKeeper.limitAfter(10 * MIB));
        assertEquals(96 * MIB, HeapKeeper.limitAfter(64 * MIB));
    }
}
