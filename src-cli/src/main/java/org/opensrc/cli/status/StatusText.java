package org.opensrc.cli.status;

import org.opensrc.proto.v1.Status;
import org.opensrc.proto.v1.StatusRow;
import org.opensrc.proto.v1.SubsystemStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * The AIX text layouts of status replies.
 *
 * <p>Short status ({@code lssrc -a/-s/-g/-p}): header {@code Subsystem Group PID Status} with columns at 0, 18, 35 and
 * 48; every row starts with one space; a missing group or PID leaves blanks.
 *
 * <p>Status rows built by a subsystem (long status, subserver status): one space, the object name in 12 columns, a
 * space, then the object text; when the row has a status, the text is padded to 49 columns and the status word follows
 * (column 64). A row whose fields are all empty is a blank line.
 */
public final class StatusText {

    public static final String SHORT_HEADER = "Subsystem         Group            PID          Status";

    private StatusText() {}

    public static String shortRow(SubsystemStatus s) {
        String pid = s.getPid() == 0 ? "" : Integer.toString(s.getPid());
        return " " + pad(s.getSubsysname(), 17) + pad(s.getGrpname(), 17) + pad(pid, 13) + word(s.getStatus());
    }

    public static List<String> shortTable(List<SubsystemStatus> rows) {
        var lines = new ArrayList<String>();
        lines.add(SHORT_HEADER);
        rows.forEach(r -> lines.add(shortRow(r)));
        return lines;
    }

    public static String row(StatusRow r) {
        if (r.getObjname().isEmpty() && r.getObjtext().isEmpty() && r.getStatus() == Status.STATUS_UNSPECIFIED) {
            return "";
        }
        String head = " " + String.format("%-12s", r.getObjname()) + " ";
        if (r.getStatus() == Status.STATUS_UNSPECIFIED) {
            return (head + r.getObjtext()).stripTrailing();
        }
        return head + String.format("%-49s", r.getObjtext()) + " " + word(r.getStatus());
    }

    /** The status word AIX prints for a status code (spc.h). */
    public static String word(Status status) {
        return switch (status) {
            case STATUS_ACTIVE -> "active";
            case STATUS_INACTIVE -> "inactive";
            case STATUS_STOPPING -> "stopping";
            case STATUS_WARNED_TO_STOP -> "warned to stop";
            case STATUS_STARTING -> "starting";
            case STATUS_OPENED -> "opened";
            case STATUS_CLOSED -> "closed";
            case STATUS_OPEN_PENDING -> "open pending";
            case STATUS_CLOSE_PENDING -> "close pending";
            case STATUS_INOPERATIVE -> "inoperative";
            case STATUS_OPEN_BUT_INACTIVE -> "open but inactive";
            case STATUS_TEST_PENDING -> "test pending";
            case STATUS_TESTING -> "testing";
            case STATUS_UNSPECIFIED, STATUS_SUSPENDING, STATUS_NO_STATUS, UNRECOGNIZED -> "";
        };
    }

    /** Left-justifies {@code s} in {@code width} columns, keeping one blank after a longer value. */
    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
