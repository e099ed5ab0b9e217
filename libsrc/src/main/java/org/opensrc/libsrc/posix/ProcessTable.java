package org.opensrc.libsrc.posix;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the process table from /proc. Processes that vanish while being read are simply left out. The root directory is
 * injectable so parsing can be tested on a fake tree.
 */
public final class ProcessTable {

    private static final ProcessTable SYSTEM = new ProcessTable(Path.of("/proc"));

    private final Path root;

    public ProcessTable(Path root) {
        this.root = root;
    }

    /** The table of this machine, read from /proc. */
    public static ProcessTable system() {
        return SYSTEM;
    }

    /** The process {@code pid}, or empty if it does not exist (any more). */
    public Optional<ProcInfo> read(int pid) {
        Path dir = root.resolve(Integer.toString(pid));
        String stat;
        List<String> status;
        try {
            stat = Files.readString(dir.resolve("stat"));
            status = Files.readAllLines(dir.resolve("status"));
        } catch (IOException vanished) {
            return Optional.empty();
        }
        return Optional.of(parse(pid, stat, status));
    }

    /** Start time (field 22 of /proc/pid/stat) of {@code pid}, or empty if it is gone. */
    public Optional<Long> startTime(int pid) {
        try {
            String stat = Files.readString(root.resolve(Integer.toString(pid)).resolve("stat"));
            return Optional.of(Long.parseLong(statFields(stat)[22 - 3]));
        } catch (IOException vanished) {
            return Optional.empty();
        }
    }

    /** Every process that could be read. */
    public List<ProcInfo> all() {
        List<ProcInfo> all = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (isNumber(name)) {
                    read(Integer.parseInt(name)).ifPresent(all::add);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + root, e);
        }
        return List.copyOf(all);
    }

    /**
     * The processes of a subsystem: {@code rootPid} itself, all its descendants by parent pid, and every process of
     * session {@code sid} (pass 0 for no session), zombies included.
     */
    public List<ProcInfo> tree(int rootPid, int sid) {
        return tree(rootPid, sid, true);
    }

    /** As {@link #tree(int, int)}, leaving out zombies unless {@code includeZombies}. */
    public List<ProcInfo> tree(int rootPid, int sid, boolean includeZombies) {
        return treeOf(all(), rootPid, sid, includeZombies);
    }

    /**
     * As {@link #tree(int, int, boolean)}, from a snapshot taken once with {@link #all()}: one /proc scan can then
     * serve the trees of many subsystems.
     */
    public static List<ProcInfo> treeOf(List<ProcInfo> all, int rootPid, int sid, boolean includeZombies) {
        Map<Integer, List<ProcInfo>> children = new HashMap<>();
        for (ProcInfo p : all) {
            children.computeIfAbsent(p.ppid(), k -> new ArrayList<>()).add(p);
        }
        Set<Integer> members = new HashSet<>();
        Deque<Integer> todo = new ArrayDeque<>();
        todo.add(rootPid);
        members.add(rootPid);
        while (!todo.isEmpty()) {
            for (ProcInfo child : children.getOrDefault(todo.poll(), List.of())) {
                if (members.add(child.pid())) {
                    todo.add(child.pid());
                }
            }
        }
        List<ProcInfo> tree = new ArrayList<>();
        for (ProcInfo p : all) {
            boolean member = members.contains(p.pid()) || (sid > 0 && p.sid() == sid);
            if (member && (includeZombies || !p.zombie())) {
                tree.add(p);
            }
        }
        return List.copyOf(tree);
    }

    static ProcInfo parse(int pid, String stat, List<String> status) {
        String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] f = statFields(stat);
        // f[0] is field 3 (state); field n is f[n - 3]
        return new ProcInfo(
                pid,
                Integer.parseInt(f[1]),
                Integer.parseInt(f[2]),
                Integer.parseInt(f[3]),
                Long.parseLong(f[22 - 3]),
                f[0].charAt(0),
                realUid(status),
                comm);
    }

    private static String[] statFields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    }

    private static int realUid(List<String> status) {
        for (String line : status) {
            if (line.startsWith("Uid:")) {
                return Integer.parseInt(line.substring(4).trim().split("\\s+")[0]);
            }
        }
        throw new IllegalArgumentException("no Uid line in /proc status");
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
