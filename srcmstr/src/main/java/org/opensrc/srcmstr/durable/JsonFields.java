package org.opensrc.srcmstr.durable;

import java.util.List;
import java.util.Map;

/** The values of the fields of one object, as read, by name; numbers are in range, checked when read. */
public final class JsonFields {
    private final List<String> names;
    private final Object[] values;

    JsonFields(List<String> names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    /** The value read, null for an optional field that is absent. */
    public Object get(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no field " + name + " was asked for");
        }
        return values[i];
    }

    public boolean has(String name) {
        return get(name) != null;
    }

    public String string(String name) {
        return (String) get(name);
    }

    public int intValue(String name) {
        return ((Number) get(name)).intValue();
    }

    public long longValue(String name) {
        return ((Number) get(name)).longValue();
    }

    public boolean bool(String name) {
        return (Boolean) get(name);
    }

    public <T> T get(String name, Class<T> type) {
        return type.cast(get(name));
    }

    @SuppressWarnings("unchecked")
    public <T> List<T> list(String name) {
        return (List<T>) get(name);
    }

    @SuppressWarnings("unchecked")
    public <T> Map<String, T> map(String name) {
        return (Map<String, T>) get(name);
    }
}
