package org.opensrc.srcmstr.registry;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/** One {@code SRCsubsvr} object: a subserver type, its owning subsystem and its code point. */
public record SubserverDef(
        @JsonProperty("sub_type") String subType, String subsysname, @JsonProperty("sub_code") int subCode) {

    public SubserverDef {
        Objects.requireNonNull(subType, "sub_type");
        Objects.requireNonNull(subsysname, "subsysname");
    }
}
