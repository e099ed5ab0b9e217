package org.opensrc.srcmstr.metrics;

import java.util.Objects;

/**
 * Keeps srcmstr's heap near its live size while it serves the metrics listener. A scrape of N subsystems builds all
 * their series at once (about 12 per subsystem) and then the text, and much of that is still in use when the young
 * generation is collected halfway through: it overflows the small survivor space and is promoted. The serial collector
 * collects the old generation only when it cannot grow any more ({@code -Xmx}), so this garbage piled up: about a
 * megabyte per scrape at N = 500, the heap growing without bound (docs/benchmarks.md). After each request the keeper
 * compares the committed heap with what it was after its last collection and asks for a full collection once it has
 * grown by more than half of that, and at least {@link #MIN_SLACK}. Thread-safe; one request collects at a time.
 */
final class HeapKeeper {

    /** The least growth that is collected: 8 MiB. */
    static final long MIN_SLACK = 8L << 20;

    /** The heap as the keeper sees it. */
    interface Heap {

        /** Bytes of heap committed now. */
        long committed();

        /** A full collection, returning when it is done. */
        void collect();
    }

    private final Heap heap;
    private long limit;

    HeapKeeper(Heap heap) {
        this.heap = Objects.requireNonNull(heap, "heap");
        this.limit = limitAfter(heap.committed());
    }

    /** The JVM's heap: {@link Runtime#totalMemory()}, collected by {@link System#gc()}. */
    static HeapKeeper real() {
        return new HeapKeeper(
                new Heap() {
                    @Override
                    public long committed() {
                        return Runtime.getRuntime().totalMemory();
                    }

                    @Override
                    public void collect() {
                        System.gc();
                    }
                });
    }

    /** The committed heap past which the next check collects, {@code committed} being the heap after a collection. */
    static long limitAfter(long committed) {
        return committed + Math.max(MIN_SLACK, committed / 2);
    }

    /** After a request: collects when the heap has grown past the limit; then the limit follows the collected heap. */
    synchronized boolean check() {
        if (heap.committed() <= limit) {
            return false;
        }
        heap.collect();
        limit = limitAfter(heap.committed());
        return true;
    }
}
