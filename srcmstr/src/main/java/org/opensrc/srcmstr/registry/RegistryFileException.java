package org.opensrc.srcmstr.registry;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A registry file that cannot be read or written: which file, and what is wrong with it (the field and line when
 * known). srcmstr refuses to start on a broken file rather than reset it.
 */
public final class RegistryFileException extends Exception {

    private final Path file;
    private final String detail;

    public RegistryFileException(Path file, String detail) {
        super(file + ": " + detail);
        this.file = Objects.requireNonNull(file);
        this.detail = Objects.requireNonNull(detail);
    }

    public RegistryFileException(Path file, String detail, Throwable cause) {
        super(file + ": " + detail, cause);
        this.file = Objects.requireNonNull(file);
        this.detail = Objects.requireNonNull(detail);
    }

    public Path file() {
        return file;
    }

    public String detail() {
        return detail;
    }
}
