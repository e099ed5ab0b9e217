package org.opensrc.srcmstr.metrics;

import org.opensrc.srcmstr.registry.SubserverDef;
import org.opensrc.srcmstr.supervise.InstanceView;
import org.opensrc.srcmstr.supervise.StatusWord;
import org.opensrc.srcmstr.supervise.WatchChange;
import org.opensrc.srcmstr.supervise.WatchEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What the status page shows, kept by one browser's sender from its watch: the short status of every subsystem (one
 * line per name, the running one first, as {@code /metrics} counts them) and the subservers, rebuilt by a snapshot and
 * moved on by each change. Pure: no thread, clock or I/O; the times are those of the events.
 */
final class StatusBoard {

    private final Map<String, InstanceView> lines = new LinkedHashMap<>();
    private final List<SubserverDef> subservers = new ArrayList<>();
    private long sequence;
    private long atMillis;

    /** Applies {@code event}; false for a lost notice, which changes nothing (its snapshot follows). */
    boolean apply(WatchEvent event) {
        switch (event) {
            case WatchEvent.Snapshot s -> {
                lines.clear();
                for (InstanceView v : s.subsystems()) {
                    lines.putIfAbsent(v.name(), v);
                }
                subservers.clear();
                subservers.addAll(s.subservers());
            }
            case WatchEvent.Changed c -> {
                switch (c.change()) {
                    case WatchChange.Instance i -> instance(i, c.atMillis());
                    case WatchChange.Definition d -> definition(d);
                    case WatchChange.Subserver s -> subserver(s);
                }
            }
            case WatchEvent.Lost l -> {
                return false;
            }
        }
        sequence = event.sequence();
        atMillis = event.atMillis();
        return true;
    }

    private void instance(WatchChange.Instance i, long at) {
        InstanceView old = lines.get(i.subsystem());
        int restarts = old == null ? 0 : old.restarts();
        String lastExit = old == null ? "" : old.lastExit();
        OptionalLong since = old == null ? OptionalLong.empty() : old.since();
        switch (i.kind()) {
            case STARTING, STARTED, READY, STOPPING, WARNED_TO_STOP -> since = OptionalLong.of(at);
            case RESPAWNED -> {
                since = OptionalLong.of(at);
                restarts++;
            }
            case ENDED, RESPAWN_LIMIT -> since = OptionalLong.empty();
            case READOPTED, FOLLOWED -> {}
        }
        if (!i.exit().isEmpty()) {
            lastExit = i.exit();
        }
        if (i.status() == StatusWord.INOPERATIVE) {
            since = OptionalLong.empty();
        }
        lines.put(
                i.subsystem(),
                new InstanceView(
                        i.subsystem(),
                        i.group(),
                        i.pid(),
                        i.status(),
                        old == null || old.display(),
                        since,
                        restarts,
                        lastExit,
                        OptionalLong.empty()));
    }

    private void definition(WatchChange.Definition d) {
        String name = d.definition().subsysname();
        InstanceView old = lines.get(name);
        boolean running = old != null && old.pid().isPresent();
        switch (d.kind()) {
            case ADDED, CHANGED -> {
                if (!running) {
                    lines.put(
                            name,
                            new InstanceView(
                                    name,
                                    d.definition().grpname(),
                                    OptionalLong.empty(),
                                    StatusWord.INOPERATIVE,
                                    d.definition().display(),
                                    OptionalLong.empty(),
                                    old == null ? 0 : old.restarts(),
                                    old == null ? "" : old.lastExit(),
                                    OptionalLong.empty()));
                }
            }
            case REMOVED -> {
                if (!running) {
                    lines.remove(name);
                }
            }
        }
    }

    private void subserver(WatchChange.Subserver s) {
        SubserverDef def = s.definition();
        subservers.removeIf(o -> o.subType().equals(def.subType()) && o.subsysname().equals(def.subsysname()));
        if (s.kind() != WatchChange.DefinitionKind.REMOVED) {
            subservers.add(def);
        }
    }

    List<InstanceView> subsystems() {
        return List.copyOf(lines.values());
    }

    List<SubserverDef> subservers() {
        return List.copyOf(subservers);
    }

    /** The number of the last change shown. */
    long sequence() {
        return sequence;
    }

    long atMillis() {
        return atMillis;
    }
}
