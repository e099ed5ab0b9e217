package org.opensrc.libsrc.signal;

import java.util.Objects;
import java.util.Optional;

/**
 * A signal read from a command line, with a warning to print when the text was an AIX signal number whose Linux number
 * differs (for example AIX 30 is SIGUSR1, which is 10 on Linux).
 */
public record Parsed(Signal signal, Optional<String> warning) {

    public Parsed {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(warning, "warning");
    }
}
