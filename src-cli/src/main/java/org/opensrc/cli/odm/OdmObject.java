package org.opensrc.cli.odm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One object of an SRC object class as ODM shows it: every descriptor's value as text, numbers in decimal. A number
 * descriptor may hold a word only where OpenSRC stores something AIX has no number for (a Linux-only signal name).
 */
public record OdmObject(ObjectClass objectClass, Map<String, String> values) {

    public OdmObject {
        Objects.requireNonNull(objectClass, "objectClass");
        Map<String, String> ordered = new LinkedHashMap<>();
        for (Descriptor d : objectClass.descriptors()) {
            String v = values.get(d.name());
            if (v == null) {
                throw new IllegalArgumentException(objectClass.odmName() + ": no value for " + d.name());
            }
            ordered.put(d.name(), v);
        }
        if (ordered.size() != values.size()) {
            throw new IllegalArgumentException(objectClass.odmName() + ": unknown descriptor in " + values.keySet());
        }
        values = java.util.Collections.unmodifiableMap(ordered);
    }

    public String value(String descriptor) {
        String v = values.get(descriptor);
        if (v == null) {
            throw new IllegalArgumentException(objectClass.odmName() + " has no descriptor " + descriptor);
        }
        return v;
    }

    /** The value of the class's key descriptor (subsysname, sub_type or notifyname). */
    public String key() {
        return value(objectClass.key().name());
    }
}
