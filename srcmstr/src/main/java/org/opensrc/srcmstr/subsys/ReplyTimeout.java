package org.opensrc.srcmstr.subsys;

import java.time.Duration;
import java.util.Objects;

/**
 * How long srcmstr waits for a subsystem's reply before reporting {@code 0513-056}. AIX waits {@code REPLYLIMIT} = 60
 * s.
 */
public record ReplyTimeout(Duration value) {

    /** AIX {@code REPLYLIMIT}. */
    public static final ReplyTimeout DEFAULT = new ReplyTimeout(Duration.ofSeconds(60));

    public ReplyTimeout {
        Objects.requireNonNull(value, "value");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("reply timeout must be positive: " + value);
        }
    }
}
