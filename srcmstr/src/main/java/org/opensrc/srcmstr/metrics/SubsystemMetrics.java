package org.opensrc.srcmstr.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import org.opensrc.srcmstr.supervise.InstanceView;
import org.opensrc.srcmstr.supervise.StatusWord;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The per-subsystem metrics, made at scrape time from the short status ({@code lssrc -s} of every subsystem) that
 * {@code status} reads: a query the supervision thread answers in queue order from its immutable state, as it answers
 * {@code lssrc}. Nothing is kept between scrapes.
 */
public final class SubsystemMetrics implements MultiCollector {

    static final String UP = "opensrc_subsystem_up";
    static final String STATE = "opensrc_subsystem_state";
    static final String RESTARTS = "opensrc_subsystem_restarts";
    static final String LAST_EXIT = "opensrc_subsystem_last_exit_status";
    static final String SINCE = "opensrc_subsystem_state_since_seconds";

    private final Supplier<List<InstanceView>> status;

    public SubsystemMetrics(Supplier<List<InstanceView>> status) {
        this.status = Objects.requireNonNull(status, "status");
    }

    @Override
    public MetricSnapshots collect() {
        return snapshots(status.get());
    }

    /**
     * The metrics of a status listing. A subsystem changed by {@code chssys} while it runs shows two lines under one
     * name and group (the running instance and the new definition); only the first, the running one, is counted.
     */
    static MetricSnapshots snapshots(List<InstanceView> lines) {
        var up = GaugeSnapshot.builder().name(UP).help("1 while the subsystem has a running instance, else 0");
        var state =
                GaugeSnapshot.builder()
                        .name(STATE)
                        .help("The subsystem's status as lssrc shows it: 1 for the current state, 0 for the others");
        var restarts =
                CounterSnapshot.builder()
                        .name(RESTARTS)
                        .help("Automatic restarts (respawns) of the subsystem, as lssrc --json counts them");
        var lastExit =
                GaugeSnapshot.builder()
                        .name(LAST_EXIT)
                        .help(
                                "How the subsystem's last instance ended: its exit status, or 128 plus the signal"
                                        + " number; absent when none ended or the status is unknown");
        var since =
                GaugeSnapshot.builder()
                        .name(SINCE)
                        .help(
                                "When the running instance entered its current state (started, became ready,"
                                        + " was asked to stop), in seconds since the epoch");
        Set<List<String>> seen = new HashSet<>();
        for (InstanceView line : lines) {
            if (!seen.add(List.of(line.name(), line.group()))) {
                continue;
            }
            Labels labels = Labels.of("subsystem", line.name(), "group", line.group());
            up.dataPoint(gauge(labels, line.pid().isPresent() ? 1 : 0));
            for (StatusWord word : StatusWord.values()) {
                state.dataPoint(gauge(labels.add("state", stateName(word)), word == line.status() ? 1 : 0));
            }
            restarts.dataPoint(
                    CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels).value(line.restarts()).build());
            exitStatus(line.lastExit()).ifPresent(s -> lastExit.dataPoint(gauge(labels, s)));
            line.since().ifPresent(ms -> since.dataPoint(gauge(labels, ms / 1000.0)));
        }
        return MetricSnapshots.of(up.build(), state.build(), restarts.build(), lastExit.build(), since.build());
    }

    /** {@code warned to stop} becomes {@code warned_to_stop}: label values stay free of spaces. */
    static String stateName(StatusWord word) {
        return word.name().toLowerCase(Locale.ROOT);
    }

    /** {@code exit 3} is 3, {@code signal 9} is 137 (as a shell shows it), anything else has none. */
    static OptionalInt exitStatus(String lastExit) {
        try {
            if (lastExit.startsWith("exit ")) {
                return OptionalInt.of(Integer.parseInt(lastExit.substring(5)));
            }
            if (lastExit.startsWith("signal ")) {
                return OptionalInt.of(128 + Integer.parseInt(lastExit.substring(7)));
            }
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
        return OptionalInt.empty();
    }

    private static GaugeSnapshot.GaugeDataPointSnapshot gauge(Labels labels, double value) {
        return GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
    }
}
