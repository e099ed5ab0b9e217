package org.opensrc.inetd.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reload changes, by {@link ServiceKey}: services whose socket stays (same key and port, possibly with new user,
 * server, arguments or limits), services that start, and services that stop. A changed port is a stop plus a start.
 */
public record ConfigDiff(List<Kept> kept, List<ServiceEntry> added, List<ServiceEntry> removed) {
    /** A service that keeps its socket; {@code changed} when anything else in its line differs. */
    public record Kept(ServiceEntry before, ServiceEntry after) {
        public boolean changed() {
            return !before.withLine(0).equals(after.withLine(0));
        }
    }

    public ConfigDiff {
        kept = List.copyOf(kept);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    public static ConfigDiff between(List<ServiceEntry> before, List<ServiceEntry> after) {
        Map<ServiceKey, ServiceEntry> old = new LinkedHashMap<>();
        before.stream().filter(ServiceEntry::enabled).forEach(e -> old.put(e.key(), e));
        List<Kept> kept = new ArrayList<>();
        List<ServiceEntry> added = new ArrayList<>();
        Map<ServiceKey, ServiceEntry> seen = new LinkedHashMap<>();
        for (ServiceEntry e : after) {
            if (!e.enabled() || seen.putIfAbsent(e.key(), e) != null) {
                continue;
            }
            ServiceEntry o = old.get(e.key());
            if (o != null && o.sameSocketAs(e)) {
                kept.add(new Kept(o, e));
            } else {
                added.add(e);
            }
        }
        List<ServiceEntry> removed =
                old.values().stream()
                        .filter(o -> seen.get(o.key()) == null || !seen.get(o.key()).sameSocketAs(o))
                        .toList();
        return new ConfigDiff(kept, added, removed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && kept.stream().noneMatch(Kept::changed);
    }
}
