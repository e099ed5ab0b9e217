package org.opensrc.srcmstr.control;

import org.opensrc.proto.v1.DefinitionChangeKind;
import org.opensrc.proto.v1.DefinitionEvent;
import org.opensrc.proto.v1.EventsLost;
import org.opensrc.proto.v1.InstanceChange;
import org.opensrc.proto.v1.InstanceEvent;
import org.opensrc.proto.v1.SubserverDef;
import org.opensrc.proto.v1.SubserverEvent;
import org.opensrc.proto.v1.WatchSnapshot;
import org.opensrc.srcmstr.requests.StatusLine;
import org.opensrc.srcmstr.supervise.WatchChange;
import org.opensrc.srcmstr.supervise.WatchEvent;

import java.util.List;

/** The watch stream's events in their wire form ({@code srcmstr.v1.WatchEvent}): the one place they are mapped. */
final class WatchWire {

    private WatchWire() {}

    static org.opensrc.proto.v1.WatchEvent event(WatchEvent event) {
        var b =
                org.opensrc.proto.v1.WatchEvent.newBuilder()
                        .setSequence(event.sequence())
                        .setTimeEpochMs(event.atMillis());
        switch (event) {
            case WatchEvent.Snapshot s ->
                    b.setSnapshot(
                            WatchSnapshot.newBuilder()
                                    .addAllSubsystems(
                                            s.subsystems().stream()
                                                    .map(v -> WireValues.status(new StatusLine(v, List.of())))
                                                    .toList())
                                    .addAllSubservers(s.subservers().stream().map(WatchWire::subserver).toList()));
            case WatchEvent.Lost l -> b.setLost(EventsLost.newBuilder().setDropped(l.dropped()));
            case WatchEvent.Changed c -> {
                switch (c.change()) {
                    case WatchChange.Instance i -> b.setInstance(instance(i));
                    case WatchChange.Definition d ->
                            b.setDefinition(
                                    DefinitionEvent.newBuilder()
                                            .setChange(kind(d.kind()))
                                            .setSubsysname(d.definition().subsysname())
                                            .setGrpname(d.definition().grpname())
                                            .setDisplay(d.definition().display()));
                    case WatchChange.Subserver s ->
                            b.setSubserver(
                                    SubserverEvent.newBuilder()
                                            .setChange(kind(s.kind()))
                                            .setSubserver(subserver(s.definition())));
                }
            }
        }
        return b.build();
    }

    private static InstanceEvent instance(WatchChange.Instance i) {
        var b =
                InstanceEvent.newBuilder()
                        .setChange(
                                switch (i.kind()) {
                                    case STARTING -> InstanceChange.INSTANCE_CHANGE_STARTING;
                                    case STARTED -> InstanceChange.INSTANCE_CHANGE_STARTED;
                                    case READY -> InstanceChange.INSTANCE_CHANGE_READY;
                                    case STOPPING -> InstanceChange.INSTANCE_CHANGE_STOPPING;
                                    case WARNED_TO_STOP -> InstanceChange.INSTANCE_CHANGE_WARNED_TO_STOP;
                                    case ENDED -> InstanceChange.INSTANCE_CHANGE_ENDED;
                                    case RESPAWNED -> InstanceChange.INSTANCE_CHANGE_RESPAWNED;
                                    case RESPAWN_LIMIT -> InstanceChange.INSTANCE_CHANGE_RESPAWN_LIMIT;
                                    case READOPTED -> InstanceChange.INSTANCE_CHANGE_READOPTED;
                                    case FOLLOWED -> InstanceChange.INSTANCE_CHANGE_FOLLOWED;
                                })
                        .setSubsysname(i.subsystem())
                        .setGrpname(i.group())
                        .setStatus(WireValues.status(i.status()))
                        .setExit(i.exit());
        i.instance().ifPresent(b::setInstance);
        i.pid().ifPresent(pid -> b.setPid(Math.toIntExact(pid)));
        return b.build();
    }

    private static DefinitionChangeKind kind(WatchChange.DefinitionKind kind) {
        return switch (kind) {
            case ADDED -> DefinitionChangeKind.DEFINITION_CHANGE_KIND_ADDED;
            case CHANGED -> DefinitionChangeKind.DEFINITION_CHANGE_KIND_CHANGED;
            case REMOVED -> DefinitionChangeKind.DEFINITION_CHANGE_KIND_REMOVED;
        };
    }

    private static SubserverDef subserver(org.opensrc.srcmstr.registry.SubserverDef def) {
        return SubserverDef.newBuilder()
                .setSubType(def.subType())
                .setSubsysname(def.subsysname())
                .setSubCode(def.subCode())
                .build();
    }
}
