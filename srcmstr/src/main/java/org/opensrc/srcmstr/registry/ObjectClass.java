package org.opensrc.srcmstr.registry;

import java.util.List;

/** The three object classes and the file each is stored in, under the registry folder. */
public enum ObjectClass {
    SUBSYS("SRCsubsys.json"),
    SUBSVR("SRCsubsvr.json"),
    NOTIFY("SRCnotify.json");

    private final String fileName;

    ObjectClass(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    /** This class's objects in {@code registry}. */
    public List<?> objectsOf(Registry registry) {
        return switch (this) {
            case SUBSYS -> registry.subsystems();
            case SUBSVR -> registry.subservers();
            case NOTIFY -> registry.notifies();
        };
    }
}
