package org.opensrc.inetd.limit;

import java.time.Duration;

/** What to do with one accepted connection or received request. */
public sealed interface Verdict {
    /** Serve it. */
    record Admit() implements Verdict {}

    /** Close it: this source made too many connections this minute. */
    record TooManyFromSource(int perMinute) implements Verdict {}

    /** Close it and stop listening for {@code pause}: the service spawned too fast (looping?). */
    record BackOff(int perMinute, Duration pause) implements Verdict {}
}
