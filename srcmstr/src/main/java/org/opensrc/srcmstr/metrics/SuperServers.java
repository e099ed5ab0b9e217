package org.opensrc.srcmstr.metrics;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The running subsystems that own subservers, as a scrape reaches them. Never blocks. */
public interface SuperServers {

    /**
     * Asks the instance running as {@code pid} for its per-service counters. The future always completes normally, and
     * within about {@code deadline}: an instance that cannot be asked or does not answer in time is {@link
     * CountersAnswer.Unanswered}.
     */
    CompletableFuture<CountersAnswer> serviceCounters(int pid, Duration deadline);
}
