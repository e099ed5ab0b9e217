package org.opensrc.cli.odm;

import java.util.List;
import java.util.Objects;

/**
 * One stanza of an odmadd/odmchange file as written: the class name, the line it starts on, and its {@code descriptor =
 * value} lines in file order (a descriptor given twice keeps its last value when used).
 */
public record Stanza(String className, int line, List<Field> fields) {

    /** One {@code descriptor = value} line; {@code value} is unquoted and unescaped. */
    public record Field(String name, String value, int line) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    public Stanza {
        Objects.requireNonNull(className, "className");
        fields = List.copyOf(fields);
    }
}
