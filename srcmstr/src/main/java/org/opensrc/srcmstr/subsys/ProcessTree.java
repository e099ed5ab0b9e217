package org.opensrc.srcmstr.subsys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/** Parent links of processes, used to accept a daemon's helper process attaching for it. */
@FunctionalInterface
public interface ProcessTree {

    /** The parent of {@code pid}, or empty when the process is gone. */
    OptionalInt parentOf(int pid);

    /** Whether {@code pid} is {@code root} or one of its descendants. */
    default boolean isWithin(int pid, int root) {
        int p = pid;
        for (int depth = 0; depth < 256 && p > 1; depth++) {
            if (p == root) {
                return true;
            }
            OptionalInt parent = parentOf(p);
            if (parent.isEmpty()) {
                return false;
            }
            p = parent.getAsInt();
        }
        return p == root;
    }

    /** Reads the ppid from {@code /proc/<pid>/stat}. */
    static ProcessTree proc() {
        return pid -> {
            try {
                String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
                // pid (comm) state ppid ... ; comm may hold spaces and parentheses
                String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ", 3);
                return OptionalInt.of(Integer.parseInt(rest[1]));
            } catch (IOException e) {
                return OptionalInt.empty();
            }
        };
    }
}
