package org.opensrc.srcmstr.supervise;

import org.opensrc.srcmstr.registry.SubsystemDef;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Short status in {@code lssrc} order, a pure function of state and registry: running instances first in the order they
 * started (each with the definition it was started with), then every registry subsystem with no running instance, in
 * registry order, as {@code inoperative}. A renamed running subsystem therefore shows two lines, as on AIX.
 */
public final class StatusListing {

    /** Which inoperative subsystems to list. */
    public enum Visibility {
        /** Every one ({@code lssrc -s}, {@code -g}). */
        ALL,
        /** Leave out inoperative subsystems whose {@code display} is false ({@code lssrc -a}). */
        DISPLAYED_ONLY
    }

    private StatusListing() {}

    public static List<InstanceView> of(SupervisionState state, List<SubsystemDef> registry, Visibility visibility) {
        List<InstanceView> lines = new ArrayList<>();
        Set<String> running = new HashSet<>();
        List<Instance> instances =
                state.instances().values().stream().sorted(Comparator.comparing(Instance::id)).toList();
        for (Instance instance : instances) {
            running.add(instance.name());
            SubsystemRecord record = state.subsystem(instance.name());
            SubsystemDef def = instance.definition();
            lines.add(
                    new InstanceView(
                            def.subsysname(),
                            def.grpname(),
                            OptionalLong.of(instance.pid()),
                            instance.state().word(),
                            def.display(),
                            OptionalLong.of(since(instance.state())),
                            record.restarts(),
                            record.lastExit(),
                            OptionalLong.empty()));
        }
        for (SubsystemDef def : registry) {
            String name = def.subsysname();
            if (running.contains(name) || (visibility == Visibility.DISPLAYED_ONLY && !def.display())) {
                continue;
            }
            SubsystemRecord record = state.subsystem(name);
            OptionalLong nextRetry =
                    state.retries().values().stream()
                            .filter(r -> r.name().equals(name))
                            .mapToLong(PendingRetry::at)
                            .min();
            lines.add(
                    new InstanceView(
                            name,
                            def.grpname(),
                            OptionalLong.empty(),
                            StatusWord.INOPERATIVE,
                            def.display(),
                            OptionalLong.empty(),
                            record.restarts(),
                            record.lastExit(),
                            nextRetry));
        }
        return List.copyOf(lines);
    }

    private static long since(InstanceState state) {
        return switch (state) {
            case InstanceState.Starting s -> s.since();
            case InstanceState.Active a -> a.since();
            case InstanceState.Stopping s -> s.since();
            case InstanceState.WarnedToStop w -> w.since();
        };
    }
}
