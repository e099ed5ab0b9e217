package org.opensrc.cli.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.opensrc.proto.v1.DefinitionChangeKind;
import org.opensrc.proto.v1.DefinitionEvent;
import org.opensrc.proto.v1.EventsLost;
import org.opensrc.proto.v1.InstanceChange;
import org.opensrc.proto.v1.InstanceEvent;
import org.opensrc.proto.v1.Status;
import org.opensrc.proto.v1.SubserverDef;
import org.opensrc.proto.v1.SubserverEvent;
import org.opensrc.proto.v1.SubsystemStatus;
import org.opensrc.proto.v1.WatchEvent;
import org.opensrc.proto.v1.WatchSnapshot;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

class WatchTextTest {

    private static final long AT =
            LocalDateTime.of(2026, 6, 1, 14, 3, 7, 120_000_000).toEpochSecond(ZoneOffset.UTC) * 1000 + 120;
    private final WatchText text = new WatchText(ZoneOffset.UTC);

    private static WatchEvent.Builder at() {
        return WatchEvent.newBuilder().setSequence(7).setTimeEpochMs(AT);
    }

    @Test
    void theSnapshotPrintsAsLssrcDashALeavingOutHiddenInoperativeSubsystems() {
        WatchEvent snapshot =
                at().setSnapshot(
                                WatchSnapshot.newBuilder()
                                        .addSubsystems(
                                                SubsystemStatus.newBuilder()
                                                        .setSubsysname("sshd")
                                                        .setGrpname("tcpip")
                                                        .setPid(1187)
                                                        .setStatus(Status.STATUS_ACTIVE)
                                                        .setDisplay(true))
                                        .addSubsystems(
                                                SubsystemStatus.newBuilder()
                                                        .setSubsysname("hidden")
                                                        .setStatus(Status.STATUS_INOPERATIVE)))
                        .build();
        assertEquals(
                List.of(
                        "Subsystem         Group            PID          Status",
                        " sshd             tcpip            1187         active"),
                text.lines(snapshot));
    }

    @Test
    void aChangeIsItsRowThenTheTimeAndWhatHappenedFromColumn63() {
        WatchEvent died =
                at().setInstance(
                                InstanceEvent.newBuilder()
                                        .setChange(InstanceChange.INSTANCE_CHANGE_ENDED)
                                        .setSubsysname("sshd")
                                        .setGrpname("tcpip")
                                        .setStatus(Status.STATUS_INOPERATIVE)
                                        .setExit("signal 9"))
                        .build();
        WatchEvent respawned =
                at().setInstance(
                                InstanceEvent.newBuilder()
                                        .setChange(InstanceChange.INSTANCE_CHANGE_RESPAWNED)
                                        .setSubsysname("sshd")
                                        .setGrpname("tcpip")
                                        .setPid(4313)
                                        .setStatus(Status.STATUS_ACTIVE))
                        .build();
        assertEquals(
                List.of(" sshd             tcpip                         inoperative    14:03:07.120 ended (signal 9)"),
                text.lines(died));
        assertEquals(
                List.of(" sshd             tcpip            4313         active         14:03:07.120 respawned"),
                text.lines(respawned));
    }

    @Test
    void definitionSubserverAndLostEventsHaveTheirOwnLines() {
        assertEquals(
                List.of(" cron                                           inoperative    14:03:07.120 defined"),
                text.lines(
                        at().setDefinition(
                                        DefinitionEvent.newBuilder()
                                                .setChange(DefinitionChangeKind.DEFINITION_CHANGE_KIND_ADDED)
                                                .setSubsysname("cron"))
                                .build()));
        assertEquals(
                List.of(" ftp:inetd:21:" + " ".repeat(63 - 14) + "14:03:07.120 subserver removed"),
                text.lines(
                        at().setSubserver(
                                        SubserverEvent.newBuilder()
                                                .setChange(DefinitionChangeKind.DEFINITION_CHANGE_KIND_REMOVED)
                                                .setSubserver(
                                                        SubserverDef.newBuilder()
                                                                .setSubType("ftp")
                                                                .setSubsysname("inetd")
                                                                .setSubCode(21)))
                                .build()));
        assertEquals(
                List.of("14:03:07.120 lssrc: too slow to keep up, 42 changes were dropped; the listing again:"),
                text.lines(at().setLost(EventsLost.newBuilder().setDropped(42)).build()));
    }
}
