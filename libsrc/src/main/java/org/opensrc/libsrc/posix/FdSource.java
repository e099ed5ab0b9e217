package org.opensrc.libsrc.posix;

import java.nio.file.Path;
import java.util.Objects;

/** Where one file descriptor of a spawned child comes from. */
public sealed interface FdSource {

    /** /dev/null, opened for reading (stdin) or writing (any other fd). */
    record DevNull() implements FdSource {}

    /**
     * A file opened read-only; created (mode 0644) if missing, as AIX SRC does. Like {@link WriteFile}, it is opened as
     * the user the child runs as.
     */
    record ReadFile(Path path) implements FdSource {
        public ReadFile {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * A file opened for writing, created with mode 0644; truncated or appended to. When the child runs as another user,
     * the file is opened as that user (filesystem ids switched), so the child gets nothing its user could not open
     * itself.
     */
    record WriteFile(Path path, boolean truncate) implements FdSource {
        public WriteFile {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * A log in the supervisor's own folder (the subsystem's {@code /dev/console} log): opened by the supervisor itself,
     * appended, created 0640, never through a symlink.
     */
    record OwnLog(Path path) implements FdSource {
        public OwnLog {
            Objects.requireNonNull(path, "path");
        }
    }

    /** A descriptor the caller owns (a socket, a pipe end); the child gets a duplicate. */
    record Fd(int fd) implements FdSource {
        public Fd {
            if (fd < 0) {
                throw new IllegalArgumentException("negative fd " + fd);
            }
        }
    }
}
