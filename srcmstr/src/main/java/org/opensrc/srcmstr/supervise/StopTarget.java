package org.opensrc.srcmstr.supervise;

import java.util.Objects;

/** What a stop addresses: a subsystem by name ({@code -s}) or one instance by pid ({@code -p}). */
public sealed interface StopTarget {

    /** {@code stopsrc -s name}. */
    record BySubsystem(String name) implements StopTarget {
        public BySubsystem {
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code stopsrc -p pid}. */
    record ByPid(long pid) implements StopTarget {}
}
