package org.opensrc.srcmstr.supervise;

import org.opensrc.srcmstr.registry.SubsystemDef;

import java.util.List;
import java.util.Objects;

/** A restart the back-off policy put off until {@code at}; the subsystem is inoperative meanwhile. */
public record PendingRetry(InstanceId id, SubsystemDef definition, List<String> args, List<String> env, long at) {

    public PendingRetry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(definition, "definition");
        args = List.copyOf(args);
        env = List.copyOf(env);
    }

    public String name() {
        return definition.subsysname();
    }
}
