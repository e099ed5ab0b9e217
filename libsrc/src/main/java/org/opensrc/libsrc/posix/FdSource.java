package org.opensrc.libsrc.posix;

import java.nio.file.Path;

/** Where one file descriptor of a spawned child comes from. */
public sealed interface FdSource {

    /** /dev/null, opened for reading (stdin) or writing (any other fd). */
    record DevNull() implements FdSource {
    }

    /** A file opened read-only; created (mode 0644) if missing, as AIX SRC does. */
    record ReadFile(Path path) implements FdSource {
        public ReadFile {
            java.util.Objects.requireNonNull(path, "path");
        }
    }

    /** A file opened for writing, created with mode 0644; truncated or appended to. */
    record WriteFile(Path path, boolean truncate) implements FdSource {
        public WriteFile {
            java.util.Objects.requireNonNull(path, "path");
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
