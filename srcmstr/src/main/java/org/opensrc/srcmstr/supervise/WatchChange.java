package org.opensrc.srcmstr.supervise;

import org.opensrc.srcmstr.registry.SubserverDef;
import org.opensrc.srcmstr.registry.SubsystemDef;

import java.util.Objects;
import java.util.OptionalLong;

/** One change a watcher is told of ({@code lssrc --watch}), before it is numbered and timed. A closed set. */
public sealed interface WatchChange {

    /** What happened to an instance. */
    enum InstanceKind {
        /** Spawned; waits for its readiness notification. */
        STARTING,
        /** Spawned and active. */
        STARTED,
        /** Reported ready: starting to active. */
        READY,
        /** A normal or forced stop was sent. */
        STOPPING,
        /** A cancel stop (or shutdown) was sent. */
        WARNED_TO_STOP,
        /** The instance ended: inoperative. */
        ENDED,
        /** Started again after an abnormal death (0513-035). */
        RESPAWNED,
        /** Too many deaths: not restarted (0513-020). */
        RESPAWN_LIMIT,
        /** Taken over from an earlier srcmstr. */
        READOPTED,
        /** Its process forked away; the survivor is followed. */
        FOLLOWED
    }

    /** What happened to a definition. */
    enum DefinitionKind {
        ADDED,
        CHANGED,
        REMOVED
    }

    /**
     * An instance changed.
     *
     * @param instance the instance id, empty when none runs (a respawn limit, an end while srcmstr was away)
     * @param pid the process now, empty when inoperative
     * @param status what {@code lssrc} shows for it after the change
     * @param exit how it ended ({@code ENDED}, {@code RESPAWN_LIMIT}), else ""
     */
    record Instance(
            InstanceKind kind,
            String subsystem,
            String group,
            OptionalLong instance,
            OptionalLong pid,
            StatusWord status,
            String exit)
            implements WatchChange {
        public Instance {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(subsystem, "subsystem");
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(pid, "pid");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(exit, "exit");
        }
    }

    /** A subsystem definition added, changed or removed; {@code definition} is the new one (the old one if removed). */
    record Definition(DefinitionKind kind, SubsystemDef definition) implements WatchChange {
        public Definition {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(definition, "definition");
        }
    }

    /** A subserver definition added, changed or removed; {@code definition} is the new one (the old one if removed). */
    record Subserver(DefinitionKind kind, SubserverDef definition) implements WatchChange {
        public Subserver {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(definition, "definition");
        }
    }
}
