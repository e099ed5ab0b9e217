package org.opensrc.srcmstr.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import org.opensrc.srcmstr.registry.Registry;
import org.opensrc.srcmstr.registry.SubserverDef;
import org.opensrc.srcmstr.registry.SubsystemDef;
import org.opensrc.srcmstr.supervise.InstanceView;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The per-service metrics of the super-servers (inetd), made at scrape time: every running subsystem that owns
 * subservers (and is reached over the subsystem API, not by signals) is asked for its counters at once, and each answer
 * is waited for at most {@code deadline}, so a silent one costs the scrape that long and no more. One that answers is
 * {@code opensrc_inetd_up 1} with its services; one that does not is {@code 0} without them; one that keeps no such
 * counters is left out. Nothing is kept between scrapes.
 */
public final class InetdMetrics implements MultiCollector {

    static final String UP = "opensrc_inetd_up";
    static final String ACCEPTED = "opensrc_inetd_connections_accepted";
    static final String REFUSED = "opensrc_inetd_connections_refused";
    static final String RATE_LIMITED = "opensrc_inetd_connections_rate_limited";
    static final String RUNNING = "opensrc_inetd_servers_running";

    /** A running subsystem to ask. */
    record Owner(String subsystem, int pid) {}

    /** What one owner answered. */
    record Answered(Owner owner, CountersAnswer answer) {}

    private final Supplier<List<InstanceView>> status;
    private final Supplier<Registry> registry;
    private final SuperServers superServers;
    private final Duration deadline;

    public InetdMetrics(
            Supplier<List<InstanceView>> status,
            Supplier<Registry> registry,
            SuperServers superServers,
            Duration deadline) {
        this.status = Objects.requireNonNull(status, "status");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.superServers = Objects.requireNonNull(superServers, "superServers");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
    }

    @Override
    public MetricSnapshots collect() {
        List<Owner> owners = owners(status.get(), registry.get());
        List<CompletableFuture<CountersAnswer>> asked = new ArrayList<>();
        for (Owner owner : owners) {
            asked.add(superServers.serviceCounters(owner.pid(), deadline));
        }
        long end = System.nanoTime() + deadline.toNanos();
        List<Answered> answers = new ArrayList<>();
        for (int i = 0; i < owners.size(); i++) {
            answers.add(new Answered(owners.get(i), await(asked.get(i), end - System.nanoTime())));
        }
        return snapshots(answers);
    }

    private static CountersAnswer await(CompletableFuture<CountersAnswer> answer, long nanos) {
        try {
            return answer.get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(false);
            return new CountersAnswer.Unanswered("no answer in time");
        } catch (ExecutionException e) {
            return new CountersAnswer.Unanswered(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CountersAnswer.Unanswered("interrupted");
        }
    }

    /**
     * The running subsystems to ask, in listing order: those that own a subserver definition and are not signal
     * subsystems. During a {@code chssys} of a running subsystem its name has two lines; the first, the running
     * instance, is the one asked.
     */
    static List<Owner> owners(List<InstanceView> lines, Registry registry) {
        Set<String> owning = registry.subservers().stream().map(SubserverDef::subsysname).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        List<Owner> owners = new ArrayList<>();
        for (InstanceView line : lines) {
            if (!seen.add(line.name()) || line.pid().isEmpty() || !owning.contains(line.name())) {
                continue;
            }
            boolean reachable =
                    registry.subsystem(line.name())
                            .map(def -> def.contact() != SubsystemDef.Contact.SIGNAL)
                            .orElse(false);
            if (reachable) {
                owners.add(new Owner(line.name(), Math.toIntExact(line.pid().getAsLong())));
            }
        }
        return owners;
    }

    /**
     * The metrics of the answers. A service named twice by one daemon (same name, protocol and address) is counted
     * once, its first entry: a series must be unique.
     */
    static MetricSnapshots snapshots(List<Answered> answers) {
        var up =
                GaugeSnapshot.builder()
                        .name(UP)
                        .help(
                                "1 when the subsystem answered srcmstr's request for its per-service counters in time,"
                                        + " else 0");
        var accepted =
                CounterSnapshot.builder()
                        .name(ACCEPTED)
                        .help("Connections the service accepted (datagram services: datagrams served)");
        var refused =
                CounterSnapshot.builder()
                        .name(REFUSED)
                        .help("Connections the service closed at once: access control or capacity");
        var rateLimited =
                CounterSnapshot.builder()
                        .name(RATE_LIMITED)
                        .help("Connections the service closed at once: over its rate limit");
        var running =
                GaugeSnapshot.builder()
                        .name(RUNNING)
                        .help("Servers of the service running now (children or internal streams)");
        for (Answered a : answers) {
            Labels owner = Labels.of("subsystem", a.owner().subsystem());
            switch (a.answer()) {
                case CountersAnswer.Counted counted -> {
                    up.dataPoint(gauge(owner, 1));
                    Set<List<String>> seen = new HashSet<>();
                    for (ServiceCount s : counted.services()) {
                        if (!seen.add(List.of(s.service(), s.protocol(), s.address()))) {
                            continue;
                        }
                        Labels labels =
                                owner.add("service", s.service())
                                        .add("protocol", s.protocol())
                                        .add("address", s.address());
                        accepted.dataPoint(counter(labels, s.accepted()));
                        refused.dataPoint(counter(labels, s.refused()));
                        rateLimited.dataPoint(counter(labels, s.rateLimited()));
                        running.dataPoint(gauge(labels, s.running()));
                    }
                }
                case CountersAnswer.Unanswered unanswered -> up.dataPoint(gauge(owner, 0));
                case CountersAnswer.NotOffered notOffered -> {
                    // keeps no per-service counters: nothing to export
                }
            }
        }
        return MetricSnapshots.of(up.build(), accepted.build(), refused.build(), rateLimited.build(), running.build());
    }

    private static GaugeSnapshot.GaugeDataPointSnapshot gauge(Labels labels, double value) {
        return GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
    }

    private static CounterSnapshot.CounterDataPointSnapshot counter(Labels labels, double value) {
        return CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels).value(value).build();
    }
}
