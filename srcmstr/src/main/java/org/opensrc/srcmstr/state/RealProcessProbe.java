package org.opensrc.srcmstr.state;

import org.opensrc.libsrc.posix.ProcInfo;
import org.opensrc.libsrc.posix.ProcessTable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@link ProcessProbe} on /proc. Markers are looked for only in session leaders (every subsystem is spawned as one)
 * whose {@code environ} can be read; a process that vanishes while being read is simply not found.
 */
public final class RealProcessProbe implements ProcessProbe {

    private final ProcessTable table;
    private final Path proc;

    public RealProcessProbe(ProcessTable table, Path proc) {
        this.table = table;
        this.proc = proc;
    }

    @Override
    public OptionalLong startTime(long pid) {
        return table.read(Math.toIntExact(pid))
                .filter(p -> !p.zombie())
                .map(p -> OptionalLong.of(p.startTime()))
                .orElse(OptionalLong.empty());
    }

    @Override
    public Map<String, Marked> findMarked(Set<String> markers) {
        Map<String, Marked> found = new HashMap<>();
        if (markers.isEmpty()) {
            return found;
        }
        for (ProcInfo p : table.all()) {
            if (p.pid() != p.sid() || p.zombie()) {
                continue;
            }
            Map<String, String> env = environment(p.pid());
            String marker = env.get(SpawnMarker.VARIABLE);
            if (marker != null && markers.contains(marker)) {
                found.put(marker, new Marked(p.pid(), p.startTime(), p.sid(), env.getOrDefault("SRC_TOKEN", "")));
            }
        }
        return found;
    }

    private Map<String, String> environment(int pid) {
        Map<String, String> env = new HashMap<>();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(proc.resolve(Integer.toString(pid)).resolve("environ"));
        } catch (IOException goneOrNotOurs) {
            return env;
        }
        for (String word : new String(bytes, StandardCharsets.UTF_8).split("\0")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                env.putIfAbsent(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return env;
    }
}
