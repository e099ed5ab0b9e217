package org.opensrc.srcmstr.supervise;

import org.opensrc.srcmstr.registry.SubsystemDef;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A spawn that was ordered and whose result has not come back yet (spawns run off the supervision thread). It counts as
 * an instance for the single-instance rule but is not listed by {@code lssrc}.
 *
 * @param replyTo who waits for 0513-059; empty for an automatic restart
 * @param stop a stop asked while it was being spawned: begun as soon as the process is there
 */
public record PendingSpawn(
        InstanceId id,
        SubsystemDef definition,
        List<String> args,
        List<String> env,
        Optional<ReplyTo> replyTo,
        Optional<StopType> stop) {

    public PendingSpawn {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(definition, "definition");
        args = List.copyOf(args);
        env = List.copyOf(env);
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(stop, "stop");
    }

    public PendingSpawn(
            InstanceId id, SubsystemDef definition, List<String> args, List<String> env, Optional<ReplyTo> replyTo) {
        this(id, definition, args, env, replyTo, Optional.empty());
    }

    /** This spawn with {@code kind} of stop to begin once its process is there (a cancel stop wins over others). */
    public PendingSpawn withStop(StopType kind) {
        StopType chosen = stop.filter(s -> s == StopType.CANCEL).orElse(kind);
        return new PendingSpawn(id, definition, args, env, replyTo, Optional.of(chosen));
    }

    public String name() {
        return definition.subsysname();
    }
}
