package org.opensrc.srcmstr.supervise;

import org.opensrc.srcmstr.registry.SubsystemDef;

import java.util.List;
import java.util.Objects;

/** What {@link ProcessControl#spawn} must start: the definition plus {@code startsrc -a}/{@code -e} words. */
public record SpawnOrder(InstanceId instance, SubsystemDef definition, List<String> args, List<String> env) {

    public SpawnOrder {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(definition, "definition");
        args = List.copyOf(args);
        env = List.copyOf(env);
    }
}
