package org.opensrc.srcmstr.supervise;

import org.opensrc.srcmstr.registry.SubsystemDef;

import java.util.List;
import java.util.Objects;

/**
 * An operator request that gets an answer. The control layer looks the subsystem up in the registry (answering 0513-085
 * itself when it is not on file) and, for groups and {@code -a}, sends one command per subsystem.
 */
public sealed interface Command {

    /** {@code startsrc -s name [-a args] [-e env]}: args and env are already split into words. */
    record Start(SubsystemDef definition, List<String> args, List<String> env) implements Command {
        public Start {
            Objects.requireNonNull(definition, "definition");
            args = List.copyOf(args);
            env = List.copyOf(env);
        }
    }

    /** {@code stopsrc [-f | -c] {-s name | -p pid}}. */
    record Stop(StopTarget target, StopType kind) implements Command {
        public Stop {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(kind, "kind");
        }
    }
}
