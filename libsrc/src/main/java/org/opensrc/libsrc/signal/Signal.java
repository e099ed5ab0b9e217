package org.opensrc.libsrc.signal;

import java.util.Objects;

/** A Linux signal: its canonical name ("SIGTERM", "SIGRTMIN+3") and its number on Linux. */
public record Signal(String name, int number) {

    public Signal {
        Objects.requireNonNull(name, "name");
        if (!name.startsWith("SIG")) {
            throw new IllegalArgumentException("signal name must start with SIG: " + name);
        }
        if (number < 1 || number > Signals.RTMAX) {
            throw new IllegalArgumentException("signal number out of range: " + number);
        }
    }
}
