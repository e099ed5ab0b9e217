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
 * started, each with the definition it was started with (its name and group), then, in registry order and as {@code
 * inoperative}, every registry definition that no running instance was started with. A subsystem changed by {@code
 * chssys} while it runs (any field, a rename included) therefore shows two lines until the old instance ends, as on
 * AIX: the running one under its old name and group, and the new definition, inoperative, under its new ones.
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
        Set<SubsystemDef> running = new HashSet<>();
        List<Instance> instances =
                state.instances().values().stream().sorted(Comparator.comparing(Instance::id)).toList();
        for (Instance instance : instances) {
            running.add(instance.definition());
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
            if (running.contains(def) || (visibility == Visibility.DISPLAYED_ONLY && !def.display())) {
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
