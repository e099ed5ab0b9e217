package org.opensrc.srcmstr.registry;

import java.util.Objects;

/** One {@code SRCnotify} object: the method run when a subsystem or a group member fails. */
public record NotifyDef(String notifyname, String notifymethod) {

    public NotifyDef {
        Objects.requireNonNull(notifyname, "notifyname");
        Objects.requireNonNull(notifymethod, "notifymethod");
    }
}
