package org.opensrc.srcmstr.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.opensrc.srcmstr.supervise.InstanceView;
import org.opensrc.srcmstr.supervise.WatchBuffer;
import org.opensrc.srcmstr.supervise.WatchChange;
import org.opensrc.srcmstr.supervise.WatchEvent;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code opensrc_subsystem_changes_total}: the instance changes a watcher is told ({@code lssrc --watch}), counted by
 * subsystem and kind, read from a watch of its own on the virtual thread {@code metrics-watch}. The counts of {@code
 * respawned} and {@code respawn_limit} start at 0 for every subsystem a snapshot lists or a definition adds, so an
 * alert on their increase sees the first one. Changes a full buffer dropped are not counted. Without exemplars (there
 * are no traces to link): each of the 2 × N series would otherwise keep an exemplar sampler.
 */
public final class SubsystemChanges implements AutoCloseable {

    private final Counter changes;
    private final WatchBuffer buffer;
    private final Thread thread;

    private SubsystemChanges(Counter changes, WatchBuffer buffer) {
        this.changes = changes;
        this.buffer = buffer;
        this.thread = Thread.ofVirtual().name("metrics-watch").start(this::run);
    }

    /** Counts what {@code buffer} (a watch of the supervision loop, its snapshot first) is told, until closed. */
    public static SubsystemChanges start(PrometheusRegistry registry, WatchBuffer buffer) {
        Counter changes =
                Counter.builder()
                        .name("opensrc_subsystem_changes_total")
                        .help(
                                "Instance changes of the subsystem as lssrc --watch tells them (started, ended,"
                                        + " respawned, respawn_limit, ...), by kind")
                        .labelNames("subsystem", "group", "change")
                        .withoutExemplars()
                        .register(registry);
        return new SubsystemChanges(changes, Objects.requireNonNull(buffer, "buffer"));
    }

    private void run() {
        try {
            for (WatchEvent event; (event = buffer.take()) != null; ) {
                count(event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void count(WatchEvent event) {
        switch (event) {
            case WatchEvent.Snapshot s -> {
                for (InstanceView v : s.subsystems()) {
                    initialise(v.name(), v.group());
                }
            }
            case WatchEvent.Changed c -> {
                switch (c.change()) {
                    case WatchChange.Instance i -> changes.labelValues(i.subsystem(), i.group(), kind(i.kind())).inc();
                    case WatchChange.Definition d -> {
                        if (d.kind() == WatchChange.DefinitionKind.ADDED) {
                            initialise(d.definition().subsysname(), d.definition().grpname());
                        }
                    }
                    case WatchChange.Subserver ignored -> {}
                }
            }
            case WatchEvent.Lost ignored -> {}
        }
    }

    private void initialise(String subsystem, String group) {
        for (WatchChange.InstanceKind k :
                List.of(WatchChange.InstanceKind.RESPAWNED, WatchChange.InstanceKind.RESPAWN_LIMIT)) {
            changes.labelValues(subsystem, group, kind(k));
        }
    }

    static String kind(WatchChange.InstanceKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        buffer.close();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
