package org.opensrc.srcmstr.definitions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Resolves a user name to its uid on srcmstr's host ({@code mkssys -u name}). The default reads a passwd-format file; a
 * system lookup (getpwnam through FFM) can replace it.
 */
@FunctionalInterface
public interface UserNames {

    OptionalLong uidOf(String name);

    /** Reads {@code file} (passwd format: name:x:uid:...) on each lookup. */
    static UserNames passwd(Path file) {
        return name -> {
            try {
                for (String line : Files.readAllLines(file)) {
                    String[] fields = line.split(":", -1);
                    if (fields.length > 2 && fields[0].equals(name) && !line.startsWith("#")) {
                        try {
                            return OptionalLong.of(Long.parseLong(fields[2]));
                        } catch (NumberFormatException e) {
                            return OptionalLong.empty();
                        }
                    }
                }
                return OptionalLong.empty();
            } catch (NoSuchFileException e) {
                return OptionalLong.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** The host's /etc/passwd. */
    static UserNames system() {
        return passwd(Path.of("/etc/passwd"));
    }
}
