package org.opensrc.libsrc.signal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The Linux (x86-64, arm64) signal table and the readers of signal names and numbers.
 *
 * <p>Numbers 1..31 are the classic signals; 34..64 are the real-time signals, named {@code SIGRTMIN}, {@code
 * SIGRTMIN+1} … {@code SIGRTMIN+30} (glibc keeps 32 and 33 for itself). {@link #parse(String)} reads Linux meanings;
 * {@link #parseAix(String)} reads what an AIX definition meant, for the numbers that differ between the two systems.
 */
public final class Signals {

    /** The first real-time signal as glibc programs see it. */
    public static final int RTMIN = 34;

    /** The last real-time signal. */
    public static final int RTMAX = 64;

    /** SIGKILL, which cannot be caught: the number every forced stop sends. */
    public static final int SIGKILL = 9;

    private static final List<String> CLASSIC =
            List.of(
                    "SIGHUP",
                    "SIGINT",
                    "SIGQUIT",
                    "SIGILL",
                    "SIGTRAP",
                    "SIGABRT",
                    "SIGBUS",
                    "SIGFPE",
                    "SIGKILL",
                    "SIGUSR1",
                    "SIGSEGV",
                    "SIGUSR2",
                    "SIGPIPE",
                    "SIGALRM",
                    "SIGTERM",
                    "SIGSTKFLT",
                    "SIGCHLD",
                    "SIGCONT",
                    "SIGSTOP",
                    "SIGTSTP",
                    "SIGTTIN",
                    "SIGTTOU",
                    "SIGURG",
                    "SIGXCPU",
                    "SIGXFSZ",
                    "SIGVTALRM",
                    "SIGPROF",
                    "SIGWINCH",
                    "SIGIO",
                    "SIGPWR",
                    "SIGSYS");

    /** Other names Linux accepts for the same numbers. */
    private static final Map<String, Integer> ALIASES =
            Map.of("SIGIOT", 6, "SIGCLD", 17, "SIGPOLL", 29, "SIGUNUSED", 31);

    /**
     * AIX signal numbers 1..31 whose meaning is a different Linux number. AIX 7 (SIGEMT) and 27 (SIGMSG) have no Linux
     * meaning and are absent; AIX 28 (SIGWINCH), 24, 25 and the others equal on both systems need no mapping.
     */
    private static final Map<Integer, String> AIX_DIFFERENT =
            Map.ofEntries(
                    Map.entry(10, "SIGBUS"),
                    Map.entry(12, "SIGSYS"),
                    Map.entry(16, "SIGURG"),
                    Map.entry(17, "SIGSTOP"),
                    Map.entry(18, "SIGTSTP"),
                    Map.entry(19, "SIGCONT"),
                    Map.entry(20, "SIGCHLD"),
                    Map.entry(23, "SIGIO"),
                    Map.entry(29, "SIGPWR"),
                    Map.entry(30, "SIGUSR1"),
                    Map.entry(31, "SIGUSR2"));

    /** AIX numbers that name signals Linux does not have. */
    private static final Map<Integer, String> AIX_ONLY = Map.of(7, "SIGEMT", 27, "SIGMSG");

    private static final Map<String, Signal> BY_NAME = new HashMap<>();
    private static final Signal[] BY_NUMBER = new Signal[RTMAX + 1];

    static {
        for (int i = 0; i < CLASSIC.size(); i++) {
            add(new Signal(CLASSIC.get(i), i + 1));
        }
        for (int n = RTMIN; n <= RTMAX; n++) {
            add(new Signal(n == RTMIN ? "SIGRTMIN" : "SIGRTMIN+" + (n - RTMIN), n));
        }
        ALIASES.forEach((alias, number) -> BY_NAME.put(alias, BY_NUMBER[number]));
        BY_NAME.put("SIGRTMAX", BY_NUMBER[RTMAX]);
        for (int k = 1; k <= RTMAX - RTMIN; k++) {
            BY_NAME.put("SIGRTMAX-" + k, BY_NUMBER[RTMAX - k]);
        }
    }

    private Signals() {}

    private static void add(Signal s) {
        BY_NAME.put(s.name(), s);
        BY_NUMBER[s.number()] = s;
    }

    /** Every Linux signal in number order (32 and 33 are not there). */
    public static List<Signal> all() {
        return IntStream.rangeClosed(1, RTMAX).mapToObj(n -> BY_NUMBER[n]).filter(Objects::nonNull).toList();
    }

    /** The Linux signal with this number. */
    public static Optional<Signal> byNumber(int number) {
        return number < 1 || number > RTMAX ? Optional.empty() : Optional.ofNullable(BY_NUMBER[number]);
    }

    /** The number of a Linux signal name as {@link #parse(String)} reads it; an unknown name throws. */
    public static int number(String name) {
        return parse(name).orElseThrow(() -> new IllegalArgumentException("unknown signal: " + name)).number();
    }

    /**
     * Reads a Linux signal: a number ("15"), a name with or without SIG ("TERM", "SIGTERM"), in any case ("sigterm"),
     * or a real-time name ("SIGRTMIN+2", "RTMAX-1").
     */
    public static Optional<Signal> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (t.chars().allMatch(Character::isDigit)) {
            return t.length() > 3 ? Optional.empty() : byNumber(Integer.parseInt(t));
        }
        String upper = t.toUpperCase(Locale.ROOT);
        return Optional.ofNullable(BY_NAME.get(upper.startsWith("SIG") ? upper : "SIG" + upper));
    }

    /**
     * Reads a signal as an AIX definition gives it ({@code mkssys -n/-f}). Names read as in {@link #parse(String)}. A
     * number from 1 to 31 means the AIX signal of that number: when its Linux number differs (AIX 30 = SIGUSR1 = Linux
     * 10) the result carries a warning to print; AIX signals unknown to Linux (7 SIGEMT, 27 SIGMSG) are not accepted.
     * Numbers above 31 are Linux real-time signals.
     */
    public static Optional<Parsed> parseAix(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || !t.chars().allMatch(Character::isDigit) || t.length() > 3) {
            return parse(t).map(s -> new Parsed(s, Optional.empty()));
        }
        int aix = Integer.parseInt(t);
        if (AIX_ONLY.containsKey(aix)) {
            return Optional.empty();
        }
        String name = AIX_DIFFERENT.get(aix);
        if (name == null) {
            return byNumber(aix).map(s -> new Parsed(s, Optional.empty()));
        }
        Signal s = BY_NAME.get(name);
        return Optional.of(
                new Parsed(
                        s,
                        Optional.of(
                                "AIX signal "
                                        + aix
                                        + " is "
                                        + name
                                        + ", which is signal "
                                        + s.number()
                                        + " on Linux; using "
                                        + name
                                        + ".")));
    }
}
