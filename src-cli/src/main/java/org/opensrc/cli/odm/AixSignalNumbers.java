package org.opensrc.cli.odm;

import org.opensrc.libsrc.signal.Signal;
import org.opensrc.libsrc.signal.Signals;

import java.util.Optional;

/**
 * Signals between OpenSRC's stored names and the numbers of an AIX {@code SRCsubsys} object. A stored signal prints as
 * the number that reads back as it ({@link Signals#parseAix}): its AIX number where AIX has it (SIGUSR1 is 30), its
 * Linux number for real-time signals; a Linux signal AIX has no number for (SIGSTKFLT, SIGPROF) prints as its name.
 * Pure.
 */
public final class AixSignalNumbers {

    private AixSignalNumbers() {}

    /** The ODM value of a stored signal: "0" for none, else its number as AIX reads it, else its name. */
    public static String odmValue(String storedName) {
        if (storedName.isEmpty()) {
            return "0";
        }
        Optional<Signal> signal = Signals.parse(storedName);
        if (signal.isEmpty()) {
            return storedName;
        }
        for (int n = 1; n <= Signals.RTMAX; n++) {
            var read = Signals.parseAix(Integer.toString(n));
            if (read.isPresent() && read.get().signal().equals(signal.get())) {
                return Integer.toString(n);
            }
        }
        return signal.get().name();
    }
}
