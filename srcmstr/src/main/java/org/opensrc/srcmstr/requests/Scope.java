package org.opensrc.srcmstr.requests;

import java.util.Objects;

/** What a request applies to: the {@code -s}, {@code -g}, {@code -a} and {@code -p} flags. */
public sealed interface Scope {

    /** {@code -s name}: a subsystem name or synonym. */
    record Subsystem(String name) implements Scope {
        public Subsystem {
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code -g name}. */
    record Group(String name) implements Scope {
        public Group {
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code -a}. */
    record All() implements Scope {}

    /** {@code -p pid}. */
    record Pid(int pid) implements Scope {}

    /** The pid a {@code -p} scope names, 0 for any other scope. */
    default int pidOrZero() {
        return this instanceof Pid p ? p.pid() : 0;
    }
}
