package org.opensrc.inetd.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A line of a configuration file that could not be used, with the reason. Line numbers start at 1; 0 = the whole file.
 */
public record Problem(Path file, int line, String message) {
    public Problem {
        Objects.requireNonNull(file);
        Objects.requireNonNull(message);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
