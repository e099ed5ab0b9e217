package org.opensrc.srcmstr.metrics;

import java.util.List;
import java.util.Objects;

/** What a running subsystem that owns subservers answered when asked for its per-service counters. */
public sealed interface CountersAnswer {

    /** It answered: one entry per service, possibly none. */
    record Counted(List<ServiceCount> services) implements CountersAnswer {
        public Counted {
            services = List.copyOf(services);
        }
    }

    /** It answered that it keeps no such counters ({@code 0513-129}, or {@code 0513-087} from an older SDK). */
    record NotOffered() implements CountersAnswer {}

    /** It did not answer in time, is not attached, went away, or answered something unusable. */
    record Unanswered(String why) implements CountersAnswer {
        public Unanswered {
            Objects.requireNonNull(why, "why");
        }
    }
}
