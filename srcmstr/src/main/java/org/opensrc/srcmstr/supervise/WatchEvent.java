package org.opensrc.srcmstr.supervise;

import org.opensrc.srcmstr.registry.SubserverDef;

import java.util.List;
import java.util.Objects;

/**
 * One element of a watcher's stream. Changes are numbered one after another for all watchers alike; a snapshot carries
 * the number of the last change it already shows, so the change after it is {@code sequence + 1}: nothing is missed and
 * nothing is told twice between the two.
 */
public sealed interface WatchEvent {

    long sequence();

    /** When supervision applied it (epoch ms of the loop's clock). */
    long atMillis();

    /** A change, numbered. */
    record Changed(long sequence, long atMillis, WatchChange change) implements WatchEvent {
        public Changed {
            Objects.requireNonNull(change, "change");
        }
    }

    /** Everything as of change {@code sequence}: short status of every subsystem (display or not) and subservers. */
    record Snapshot(long sequence, long atMillis, List<InstanceView> subsystems, List<SubserverDef> subservers)
            implements WatchEvent {
        public Snapshot {
            subsystems = List.copyOf(subsystems);
            subservers = List.copyOf(subservers);
        }
    }

    /**
     * The watcher fell behind: {@code dropped} queued elements were thrown away; a fresh {@link Snapshot} at the same
     * {@code sequence} follows.
     */
    record Lost(long sequence, long atMillis, long dropped) implements WatchEvent {}
}
