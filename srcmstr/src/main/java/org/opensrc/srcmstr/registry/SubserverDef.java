package org.opensrc.srcmstr.registry;

import java.util.Objects;

/** One {@code SRCsubsvr} object: a subserver type, its owning subsystem and its code point. */
public record SubserverDef(String subType, String subsysname, int subCode) {

    public SubserverDef {
        Objects.requireNonNull(subType, "sub_type");
        Objects.requireNonNull(subsysname, "subsysname");
    }
}
