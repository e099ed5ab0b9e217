package org.opensrc.srcmstr.supervise;

import org.opensrc.srcmstr.registry.Registry;

import java.util.ArrayList;
import java.util.List;

/**
 * The watchers of supervision and the numbering of changes; owned by the supervision thread. Changes are recorded as
 * events are applied (only while someone watches: nobody watching costs nothing) and published to every watcher when
 * the batch is committed; a new watcher gets its snapshot on the same thread, after a commit, so snapshot and changes
 * meet without a gap or an overlap.
 */
final class Watchers {

    private final List<WatchBuffer> buffers = new ArrayList<>();
    private final List<WatchEvent.Changed> pending = new ArrayList<>();
    private long sequence;
    private Registry registry = Registry.EMPTY;
    private boolean registryKnown;

    /** Whether anyone watches: changes are worth recording. */
    boolean watched() {
        return !buffers.isEmpty();
    }

    /** Numbers {@code changes}, made at {@code now}, for the next {@link #publish}. */
    void record(List<WatchChange> changes, long now) {
        for (WatchChange change : changes) {
            pending.add(new WatchEvent.Changed(++sequence, now, change));
        }
    }

    /** The registry is now {@code next}; its differences from the last one are recorded (none for the first). */
    void registry(Registry next, long now) {
        if (registryKnown && watched()) {
            record(ChangeDetector.definitionChanges(registry, next), now);
        }
        registry = next;
        registryKnown = true;
    }

    /**
     * Hands the recorded changes to every watcher; one whose buffer is full gets, instead of the rest, a lost notice
     * and a fresh snapshot of {@code state}. Forgets closed watchers. Never waits.
     */
    void publish(SupervisionState state, long now) {
        buffers.removeIf(WatchBuffer::closed);
        if (pending.isEmpty()) {
            return;
        }
        WatchEvent.Snapshot fresh = null;
        for (WatchBuffer buffer : buffers) {
            for (int i = 0; i < pending.size(); i++) {
                if (!buffer.offer(pending.get(i))) {
                    if (fresh == null) {
                        fresh = snapshot(state, now);
                    }
                    buffer.restart(fresh, now, pending.size() - i);
                    break;
                }
            }
        }
        pending.clear();
    }

    /** Adds a watcher: its snapshot of {@code state} (as of the last published change) comes first. */
    void subscribe(WatchBuffer buffer, SupervisionState state, long now) {
        buffer.offer(snapshot(state, now));
        buffers.add(buffer);
    }

    /** The loop ends: every watcher's stream ends. */
    void closeAll() {
        buffers.forEach(WatchBuffer::close);
        buffers.clear();
    }

    private WatchEvent.Snapshot snapshot(SupervisionState state, long now) {
        return new WatchEvent.Snapshot(
                sequence,
                now,
                StatusListing.of(state, registry.subsystems(), StatusListing.Visibility.ALL),
                registry.subservers());
    }
}
