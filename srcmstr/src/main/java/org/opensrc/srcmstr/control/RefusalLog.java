package org.opensrc.srcmstr.control;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Logs refusals at most once per interval per caller uid: the first refusal of a window is logged at once; the ones
 * after it are counted, and the count is logged with the first refusal after the window ends. A flood of refused
 * attempts makes one line a minute, not one line per attempt. Thread-safe.
 */
final class RefusalLog {

    static final Duration INTERVAL = Duration.ofMinutes(1);

    private final InstantSource clock;
    private final Duration interval;
    private final Consumer<String> sink;
    private final Map<Integer, Window> windows = new HashMap<>();

    RefusalLog(InstantSource clock, Duration interval, Consumer<String> sink) {
        this.clock = clock;
        this.interval = interval;
        this.sink = sink;
    }

    private record Window(Instant start, int suppressed) {}

    /** Records one refusal of {@code uid}; logs {@code what} unless this uid was logged within the interval. */
    void refused(int uid, String what) {
        Instant now = clock.instant();
        int suppressed;
        synchronized (this) {
            Window w = windows.get(uid);
            if (w != null && now.isBefore(w.start().plus(interval))) {
                windows.put(uid, new Window(w.start(), w.suppressed() + 1));
                return;
            }
            suppressed = w == null ? 0 : w.suppressed();
            windows.put(uid, new Window(now, 0));
            if (windows.size() > 4096) {
                windows.values().removeIf(x -> !now.isBefore(x.start().plus(interval)));
            }
        }
        sink.accept(
                what
                        + (suppressed == 0
                                ? ""
                                : " (and "
                                        + suppressed
                                        + " more refusal(s) of uid "
                                        + uid
                                        + " not logged in the previous "
                                        + interval.toSeconds()
                                        + " s)")
                        + "; further refusals of uid "
                        + uid
                        + " are logged at most once per "
                        + interval.toSeconds()
                        + " s");
    }
}
