package org.opensrc.srcmstr.supervise;

import java.util.Locale;
import java.util.Map;

/** Linux signal numbers by name ("SIGTERM", "TERM" or "15"); the same on x86-64 and arm64. */
final class SignalNames {

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("HUP", 1), Map.entry("INT", 2), Map.entry("QUIT", 3), Map.entry("ILL", 4),
            Map.entry("TRAP", 5), Map.entry("ABRT", 6), Map.entry("BUS", 7), Map.entry("FPE", 8),
            Map.entry("KILL", 9), Map.entry("USR1", 10), Map.entry("SEGV", 11), Map.entry("USR2", 12),
            Map.entry("PIPE", 13), Map.entry("ALRM", 14), Map.entry("TERM", 15), Map.entry("STKFLT", 16),
            Map.entry("CHLD", 17), Map.entry("CONT", 18), Map.entry("STOP", 19), Map.entry("TSTP", 20),
            Map.entry("TTIN", 21), Map.entry("TTOU", 22), Map.entry("URG", 23), Map.entry("XCPU", 24),
            Map.entry("XFSZ", 25), Map.entry("VTALRM", 26), Map.entry("PROF", 27), Map.entry("WINCH", 28),
            Map.entry("IO", 29), Map.entry("PWR", 30), Map.entry("SYS", 31));

    static final int SIGKILL = 9;

    private SignalNames() {
    }

    /** The number of a signal name; an unknown name is a registry bug and throws. */
    static int number(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT);
        if (!n.isEmpty() && n.chars().allMatch(Character::isDigit)) {
            int value = Integer.parseInt(n);
            if (value >= 1 && value <= 64) {
                return value;
            }
        }
        Integer number = NUMBERS.get(n.startsWith("SIG") ? n.substring(3) : n);
        if (number == null) {
            throw new IllegalArgumentException("unknown signal: " + name);
        }
        return number;
    }
}
