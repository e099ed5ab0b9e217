package org.opensrc.libsrc.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProcessTableTest {

    @TempDir Path proc;

    @Test
    void parsesStatWhoseCommandHoldsSpacesAndParentheses() throws IOException {
        fakeProcess(
                42,
                "42 (my (odd) cmd) S 7 40 41 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 12345 "
                        + "1000 100 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n",
                1000);
        assertEquals(
                Optional.of(new ProcInfo(42, 7, 40, 41, 12345, 'S', 1000, "my (odd) cmd")),
                new ProcessTable(proc).read(42));
    }

    @Test
    void aProcessThatVanishedIsEmpty() {
        assertEquals(Optional.empty(), new ProcessTable(proc).read(42));
    }

    @Test
    void treeFollowsParentsAndSessionAndCanLeaveOutZombies() throws IOException {
        fakeProcess(10, stat(10, 'S', 1, 10, 10), 0); // the subsystem, a session leader
        fakeProcess(11, stat(11, 'S', 10, 10, 10), 0); // its child
        fakeProcess(12, stat(12, 'Z', 11, 10, 10), 0); // a zombie grandchild
        fakeProcess(13, stat(13, 'S', 1, 13, 10), 0); // an orphan still in the session
        fakeProcess(14, stat(14, 'S', 11, 14, 14), 0); // a descendant that left the session
        fakeProcess(20, stat(20, 'S', 1, 20, 20), 0); // unrelated
        ProcessTable table = new ProcessTable(proc);
        assertEquals(Set.of(10, 11, 12, 13, 14), pids(table.tree(10, 10)));
        assertEquals(Set.of(10, 11, 13, 14), pids(table.tree(10, 10, false)));
        assertEquals(Set.of(10, 11, 12, 14), pids(table.tree(10, 0)));
    }

    @Test
    void allIncludesThisProcess() {
        assertTrue(ProcessTable.system().all().stream().anyMatch(p -> p.pid() == Posix.getpid()));
    }

    @Test
    void treeFindsADoubleForkedGrandchildBySession() throws IOException {
        Pipe pipe = Posix.pipe();
        try (BufferedReader reader = Children.reader(pipe)) {
            var leader =
                    Children.spawned(
                            Children.sh("sh -c 'sleep 30 & echo $!' >&3; exec sleep 30")
                                    .withNewSession(true)
                                    .withExtraFds(List.of(new FdSource.Fd(pipe.writeEnd()))));
            Posix.close(pipe.writeEnd());
            int grandchild = Integer.parseInt(reader.readLine());
            try {
                ProcInfo info = ProcessTable.system().read(grandchild).orElseThrow();
                assertTrue(info.ppid() != leader.pid(), "the grandchild was orphaned");
                Set<Integer> tree = pids(ProcessTable.system().tree(leader.pid(), leader.pid()));
                assertTrue(tree.containsAll(Set.of(leader.pid(), grandchild)), tree.toString());
                assertFalse(tree.contains(Posix.getpid()));
            } finally {
                Posix.killGroup(leader.pid(), 9);
                Children.awaitExit(leader.pid());
                Posix.reap(grandchild, true); // ours if a subreaper test ran first in this JVM
            }
        } finally {
            Posix.close(pipe.readEnd());
        }
    }

    private void fakeProcess(int pid, String stat, int uid) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Integer.toString(pid)));
        Files.writeString(dir.resolve("stat"), stat);
        Files.writeString(
                dir.resolve("status"),
                "Name:\tx\nState:\tS\nUid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid + "\nGid:\t0\t0\t0\t0\n");
    }

    private static String stat(int pid, char state, int ppid, int pgid, int sid) {
        return pid
                + " (p"
                + pid
                + ") "
                + state
                + " "
                + ppid
                + " "
                + pgid
                + " "
                + sid
                + " 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 500 0 0\n";
    }

    private static Set<Integer> pids(List<ProcInfo> infos) {
        return Set.copyOf(infos.stream().map(ProcInfo::pid).toList());
    }
}
