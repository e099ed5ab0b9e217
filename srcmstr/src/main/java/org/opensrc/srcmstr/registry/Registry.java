package org.opensrc.srcmstr.registry;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of the three object classes. Each list is in ODM order: the order objects were added in; a
 * change keeps an object in its place.
 */
public record Registry(List<SubsystemDef> subsystems, List<SubserverDef> subservers, List<NotifyDef> notifies) {

    public static final Registry EMPTY = new Registry(List.of(), List.of(), List.of());

    public Registry {
        subsystems = List.copyOf(subsystems);
        subservers = List.copyOf(subservers);
        notifies = List.copyOf(notifies);
    }

    /** The subsystem with this name or synonym. */
    public Optional<SubsystemDef> subsystem(String nameOrSynonym) {
        Objects.requireNonNull(nameOrSynonym);
        Optional<SubsystemDef> byName =
                subsystems.stream().filter(s -> s.subsysname().equals(nameOrSynonym)).findFirst();
        return byName.isPresent() ? byName : subsystems.stream().filter(s -> s.answersTo(nameOrSynonym)).findFirst();
    }

    /** The members of a group, in ODM order; empty when no subsystem has that group. */
    public List<SubsystemDef> group(String grpname) {
        if (grpname.isEmpty()) {
            return List.of();
        }
        return subsystems.stream().filter(s -> s.grpname().equals(grpname)).toList();
    }

    public boolean isGroup(String grpname) {
        return !group(grpname).isEmpty();
    }

    /** The subservers a subsystem owns (by its name), in ODM order. */
    public List<SubserverDef> subserversOf(String subsysname) {
        return subservers.stream().filter(s -> s.subsysname().equals(subsysname)).toList();
    }

    public Optional<SubserverDef> subserver(String subType) {
        return subservers.stream().filter(s -> s.subType().equals(subType)).findFirst();
    }

    /** The notify method defined for a subsystem or group name. */
    public Optional<NotifyDef> notify(String notifyname) {
        return notifies.stream().filter(n -> n.notifyname().equals(notifyname)).findFirst();
    }

    public Registry withSubsystems(List<SubsystemDef> next) {
        return new Registry(next, subservers, notifies);
    }

    public Registry withSubservers(List<SubserverDef> next) {
        return new Registry(subsystems, next, notifies);
    }

    public Registry withNotifies(List<NotifyDef> next) {
        return new Registry(subsystems, subservers, next);
    }
}
