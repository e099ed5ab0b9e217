package org.opensrc.libsrc.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PosixTest {

    @Test
    void killOfAMissingProcessIsFalse() {
        assertFalse(Posix.kill(Integer.MAX_VALUE, 0));
    }

    @Test
    void identityMatchesTheJdk() {
        assertEquals(ProcessHandle.current().pid(), Posix.getpid());
        assertEquals("root".equals(System.getProperty("user.name")), Posix.geteuid() == 0);
        assertTrue(Posix.getegid() >= 0);
        assertTrue(Posix.getgroups().stream().allMatch(g -> g >= 0));
    }

    @Test
    void reapReturnsTheExitCodeOnceAndNothingForNonChildren() {
        var child = Children.spawned(Children.sh("exit 3"));
        assertEquals(Optional.of(new ExitStatus.Exited(3)), Posix.reap(child.pid(), true));
        assertEquals(Optional.empty(), Posix.reap(child.pid(), false));
        assertEquals(Optional.empty(), Posix.reap(1, false));
    }

    @Test
    void reapWithoutBlockingIsEmptyWhileTheChildRuns() {
        var child = Children.spawned(Children.sh("exec sleep 30"));
        assertEquals(Optional.empty(), Posix.reap(child.pid(), false));
        assertTrue(Posix.kill(child.pid(), 9));
        assertEquals(Optional.of(new ExitStatus.Killed(9, false)), Posix.reap(child.pid(), true));
    }

    @Test
    void killGroupSignalsEveryProcessOfTheGroup() throws IOException {
        Posix.becomeChildSubreaper(); // the orphaned sleeper becomes our child, so we can see its end
        Pipe pipe = Posix.pipe();
        try (BufferedReader reader = Children.reader(pipe)) {
            var leader =
                    Children.spawned(
                            Children.sh("sleep 30 & echo $! >&3; wait")
                                    .withNewSession(true)
                                    .withExtraFds(List.of(new FdSource.Fd(pipe.writeEnd()))));
            Posix.close(pipe.writeEnd());
            int sleeper = Integer.parseInt(reader.readLine());
            assertTrue(Posix.killGroup(leader.pid(), 15));
            assertEquals(new ExitStatus.Killed(15, false), Children.awaitExit(leader.pid()));
            awaitZombie(sleeper);
            assertTrue(Posix.reapOrphans(Set.of()).contains(new Reaped(sleeper, new ExitStatus.Killed(15, false))));
        } finally {
            Posix.close(pipe.readEnd());
        }
    }

    @Test
    void reapOrphansReapsAnOrphanedGrandchildButNeverAKeptPid() throws IOException {
        Posix.becomeChildSubreaper();
        var kept = Children.spawned(Children.sh("exit 6"));
        awaitZombie(kept.pid());
        Pipe out = Posix.pipe();
        Pipe gate = Posix.pipe();
        int orphan;
        try (BufferedReader reader = Children.reader(out)) {
            // the grandchild (fd 4: the gate's read end) waits for the gate to close, then exits 7 as our orphan
            var parent =
                    Children.spawned(
                            Children.sh("(exec 3>&-; read x <&4; exit 7) & echo $! >&3; exit 0")
                                    .withExtraFds(
                                            List.of(new FdSource.Fd(out.writeEnd()), new FdSource.Fd(gate.readEnd()))));
            Posix.close(out.writeEnd());
            Posix.close(gate.readEnd());
            orphan = Integer.parseInt(reader.readLine());
            assertEquals(new ExitStatus.Exited(0), Children.awaitExit(parent.pid()));
            assertEquals(Posix.getpid(), ProcessTable.system().read(orphan).orElseThrow().ppid(), "reparented to us");
            Posix.close(gate.writeEnd()); // EOF for the grandchild's read
            awaitZombie(orphan);
        } finally {
            Posix.close(out.readEnd());
        }

        List<Reaped> reaped = Posix.reapOrphans(Set.of(kept.pid()));

        assertTrue(reaped.contains(new Reaped(orphan, new ExitStatus.Exited(7))), reaped.toString());
        assertTrue(reaped.stream().noneMatch(r -> r.pid() == kept.pid()));
        assertEquals(Optional.of(new ExitStatus.Exited(6)), Posix.reap(kept.pid(), false), "kept pid left alone");
    }

    /** Waits, without reaping, until child {@code pid} has exited (the JDK peeks with WNOWAIT). */
    private static void awaitZombie(int pid) {
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(5, TimeUnit.SECONDS).join());
        assertEquals('Z', ProcessTable.system().read(pid).orElseThrow().state());
    }
}
