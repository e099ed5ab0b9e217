package org.opensrc.cli.odm;

import java.util.Objects;

/** One descriptor (field) of an ODM object class: its name and how ODM stores it. */
public record Descriptor(String name, Kind kind) {

    /** The ODM storage types the SRC classes use. */
    public enum Kind {
        /** ODM_CHAR: printed in double quotes; compared with =, != and like. */
        STRING,
        /** ODM_SHORT: a 16-bit number, printed bare; compared with =, !=, <, <=, >, >=. */
        SHORT,
        /** ODM_LONG: a number, printed bare; compared as SHORT. */
        LONG;

        public boolean numeric() {
            return this != STRING;
        }
    }

    public Descriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
