package org.opensrc.srcmstr.supervise;

import org.opensrc.srcmstr.registry.SubsystemDef;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A spawn that was ordered and whose result has not come back yet. It counts as an instance for the single-instance
 * rule but is not listed by {@code lssrc}.
 *
 * @param replyTo who waits for 0513-059; empty for an automatic restart
 */
public record PendingSpawn(
        InstanceId id, SubsystemDef definition, List<String> args, List<String> env, Optional<ReplyTo> replyTo) {

    public PendingSpawn {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(definition, "definition");
        args = List.copyOf(args);
        env = List.copyOf(env);
        Objects.requireNonNull(replyTo, "replyTo");
    }

    public String name() {
        return definition.subsysname();
    }
}
