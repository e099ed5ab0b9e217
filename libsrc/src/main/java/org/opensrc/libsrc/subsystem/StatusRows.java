package org.opensrc.libsrc.subsystem;

import org.opensrc.proto.v1.Status;
import org.opensrc.proto.v1.StatusRow;

/**
 * Builds status rows (AIX {@code statcode} elements). srcmstr renders a row as one space, {@code objname} padded to 12,
 * a space, then {@code objtext}, then, when the status is set, {@code objtext} padded to 49, a space and the status
 * word. An empty row is a blank line.
 */
public final class StatusRows {

    private StatusRows() {}

    /** A name/value line, e.g. {@code row("Debug", "Not active")}. */
    public static StatusRow row(String name, String text) {
        return row(name, text, Status.STATUS_UNSPECIFIED);
    }

    /** A line with a status word at the end. */
    public static StatusRow row(String name, String text, Status status) {
        return StatusRow.newBuilder().setObjname(name).setObjtext(text).setStatus(status).build();
    }

    /** A blank line (to separate sections). */
    public static StatusRow blank() {
        return StatusRow.getDefaultInstance();
    }

    /** The header of a subserver table, laid out like inetd's on AIX. */
    public static StatusRow subserverHeader() {
        return row("Service", String.format("%-24s %-25s%s", "Command", "Description", "Status"));
    }

    /** One subserver line under {@link #subserverHeader()}. */
    public static StatusRow subserverRow(String type, String command, String description, Status status) {
        return row(type, String.format("%-24s %-24s", command, description), status);
    }
}
