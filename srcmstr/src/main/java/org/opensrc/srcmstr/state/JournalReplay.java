package org.opensrc.srcmstr.state;

import org.opensrc.srcmstr.supervise.SubsystemRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Applies the journal's entries to the image they continue: the state as it was at the last entry. Pure. */
final class JournalReplay {

    private JournalReplay() {}

    static SavedState apply(Path file, StateImage image, List<JournalEntry> entries) throws IOException {
        if (entries.isEmpty()) {
            return image.state();
        }
        TreeMap<Long, SavedState.Instance> instances =
                keyed(file, "instances", image.ids().instances(), image.instances());
        TreeMap<Long, SavedState.Spawn> spawning = keyed(file, "spawning", image.ids().spawning(), image.spawning());
        TreeMap<Long, SavedState.Retry> retries = keyed(file, "retries", image.ids().retries(), image.retries());
        Map<String, SubsystemRecord> subsystems = new HashMap<>(image.subsystems());
        long at = image.savedAt();
        for (JournalEntry e : entries) {
            change(file, instances, e.instances());
            change(file, spawning, e.spawning());
            change(file, retries, e.retries());
            e.subsystems()
                    .forEach(
                            (name, record) -> {
                                if (record == null) {
                                    subsystems.remove(name);
                                } else {
                                    subsystems.put(name, record);
                                }
                            });
            at = e.at();
        }
        return new SavedState(
                image.version(),
                image.runId(),
                at,
                List.copyOf(instances.values()),
                List.copyOf(spawning.values()),
                List.copyOf(retries.values()),
                subsystems);
    }

    private static <T> TreeMap<Long, T> keyed(Path file, String what, List<Long> ids, List<T> entries)
            throws IOException {
        if (ids.size() != entries.size()) {
            throw new IOException(file + ": " + ids.size() + " ids for " + entries.size() + " " + what);
        }
        TreeMap<Long, T> map = new TreeMap<>();
        for (int i = 0; i < ids.size(); i++) {
            if (map.put(ids.get(i), entries.get(i)) != null) {
                throw new IOException(file + ": id " + ids.get(i) + " twice in " + what);
            }
        }
        return map;
    }

    private static <T> void change(Path file, TreeMap<Long, T> map, Map<String, T> changes) throws IOException {
        List<Map.Entry<String, T>> list = new ArrayList<>(changes.entrySet());
        for (Map.Entry<String, T> c : list) {
            long id;
            try {
                id = Long.parseLong(c.getKey());
            } catch (NumberFormatException e) {
                throw new IOException(file + ": journal key '" + c.getKey() + "' is no instance id");
            }
            if (c.getValue() == null) {
                map.remove(id);
            } else {
                map.put(id, c.getValue());
            }
        }
    }
}
