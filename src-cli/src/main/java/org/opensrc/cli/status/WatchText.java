package org.opensrc.cli.status;

import org.opensrc.proto.v1.DefinitionEvent;
import org.opensrc.proto.v1.InstanceEvent;
import org.opensrc.proto.v1.Status;
import org.opensrc.proto.v1.SubserverEvent;
import org.opensrc.proto.v1.SubsystemStatus;
import org.opensrc.proto.v1.WatchEvent;
import org.opensrc.proto.v1.WatchSnapshot;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text of {@code lssrc --watch}. A snapshot prints as {@code lssrc -a} does (header, then the rows; inoperative
 * subsystems without {@code display} left out). Each change prints one row in the same columns, followed, from column
 * 63 (counted from 0), by the local time to the millisecond and what happened:
 *
 * <pre>
 *  sshd             tcpip                         inoperative    14:03:07.120 ended (signal SIGKILL)
 *  sshd             tcpip            4313         active         14:03:07.131 respawned
 * </pre>
 *
 * A definition change prints its row (status {@code inoperative} when added, blank otherwise), a subserver change its
 * {@code lssrc -T} line; lost events print a note and the listing again.
 */
public final class WatchText {

    /** Where the time starts: after the status column ("warned to stop" and a blank). */
    private static final int NOTE_COLUMN = 63;

    private final DateTimeFormatter time;

    public WatchText(ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(zone);
    }

    /** The lines one event prints. */
    public List<String> lines(WatchEvent event) {
        String at = time.format(Instant.ofEpochMilli(event.getTimeEpochMs()));
        return switch (event.getKindCase()) {
            case SNAPSHOT -> listing(event.getSnapshot());
            case INSTANCE -> List.of(instance(event.getInstance(), at));
            case DEFINITION -> List.of(definition(event.getDefinition(), at));
            case SUBSERVER -> List.of(subserver(event.getSubserver(), at));
            case LOST ->
                    List.of(
                            at
                                    + " lssrc: too slow to keep up, "
                                    + event.getLost().getDropped()
                                    + " changes were dropped; the listing again:");
            case KIND_NOT_SET -> List.of();
        };
    }

    private static List<String> listing(WatchSnapshot snapshot) {
        List<SubsystemStatus> shown = new ArrayList<>();
        for (SubsystemStatus s : snapshot.getSubsystemsList()) {
            if (s.getDisplay() || s.getStatus() != Status.STATUS_INOPERATIVE) {
                shown.add(s);
            }
        }
        return StatusText.shortTable(shown);
    }

    private static String instance(InstanceEvent e, String at) {
        String row =
                StatusText.shortRow(
                        SubsystemStatus.newBuilder()
                                .setSubsysname(e.getSubsysname())
                                .setGrpname(e.getGrpname())
                                .setPid(e.getPid())
                                .setStatus(e.getStatus())
                                .build());
        String what =
                switch (e.getChange()) {
                    case INSTANCE_CHANGE_STARTING -> "starting";
                    case INSTANCE_CHANGE_STARTED -> "started";
                    case INSTANCE_CHANGE_READY -> "ready";
                    case INSTANCE_CHANGE_STOPPING -> "stop requested";
                    case INSTANCE_CHANGE_WARNED_TO_STOP -> "cancel stop (SIGTERM)";
                    case INSTANCE_CHANGE_ENDED -> e.getExit().isEmpty() ? "ended" : "ended (" + e.getExit() + ")";
                    case INSTANCE_CHANGE_RESPAWNED -> "respawned";
                    case INSTANCE_CHANGE_RESPAWN_LIMIT -> "respawn limit reached, not restarted";
                    case INSTANCE_CHANGE_READOPTED -> "re-adopted";
                    case INSTANCE_CHANGE_FOLLOWED -> "forked, following pid " + e.getPid();
                    case INSTANCE_CHANGE_UNSPECIFIED, UNRECOGNIZED -> "changed";
                };
        return noted(row, at, what);
    }

    private static String definition(DefinitionEvent e, String at) {
        boolean added = e.getChange() == org.opensrc.proto.v1.DefinitionChangeKind.DEFINITION_CHANGE_KIND_ADDED;
        String row =
                StatusText.shortRow(
                        SubsystemStatus.newBuilder()
                                .setSubsysname(e.getSubsysname())
                                .setGrpname(e.getGrpname())
                                .setStatus(added ? Status.STATUS_INOPERATIVE : Status.STATUS_UNSPECIFIED)
                                .build());
        String what =
                switch (e.getChange()) {
                    case DEFINITION_CHANGE_KIND_ADDED -> "defined";
                    case DEFINITION_CHANGE_KIND_CHANGED -> "definition changed";
                    case DEFINITION_CHANGE_KIND_REMOVED -> "definition removed";
                    case DEFINITION_CHANGE_KIND_UNSPECIFIED, UNRECOGNIZED -> "definition";
                };
        return noted(row, at, what);
    }

    private static String subserver(SubserverEvent e, String at) {
        var s = e.getSubserver();
        String row = " " + s.getSubType() + ":" + s.getSubsysname() + ":" + s.getSubCode() + ":";
        String what =
                switch (e.getChange()) {
                    case DEFINITION_CHANGE_KIND_ADDED -> "subserver defined";
                    case DEFINITION_CHANGE_KIND_CHANGED -> "subserver changed";
                    case DEFINITION_CHANGE_KIND_REMOVED -> "subserver removed";
                    case DEFINITION_CHANGE_KIND_UNSPECIFIED, UNRECOGNIZED -> "subserver";
                };
        return noted(row, at, what);
    }

    private static String noted(String row, String at, String what) {
        String padded = row.length() >= NOTE_COLUMN ? row + " " : row + " ".repeat(NOTE_COLUMN - row.length());
        return padded + at + " " + what;
    }
}
