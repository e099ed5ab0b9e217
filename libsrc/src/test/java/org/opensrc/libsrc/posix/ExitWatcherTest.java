package org.opensrc.libsrc.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExitWatcherTest {

    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private final BlockingQueue<ExitEvent> events = new LinkedBlockingQueue<>();
    private final ExitWatcher watcher = new ExitWatcher(events::add);

    @AfterEach
    void closeWatcher() {
        watcher.close();
    }

    @Test
    void reportsTheExitCodeAndReapsTheChild() throws InterruptedException {
        var child = Children.spawned(Children.sh("exit 3"));
        assertTrue(watcher.watch(child.pid()));
        assertEquals(new ExitEvent(child.pid(), new ExitStatus.Exited(3)), next());
        assertTrue(Posix.reap(child.pid(), false).isEmpty(), "already reaped");
        assertTrue(ProcessTable.system().read(child.pid()).isEmpty(), "no zombie left");
        assertEquals(Set.of(), watcher.watched());
    }

    @Test
    void reportsSigkillWithinMilliseconds() throws InterruptedException {
        var child = Children.spawned(Children.sh("exec sleep 30"));
        assertTrue(watcher.watch(child.pid()));
        assertEquals(Set.of(child.pid()), watcher.watched());
        long killedAt = System.nanoTime();
        assertTrue(Posix.kill(child.pid(), 9));
        assertEquals(new ExitEvent(child.pid(), new ExitStatus.Killed(9, false)), next());
        long latencyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
        assertTrue(latencyMillis < 1000, "exit seen after " + latencyMillis + " ms");
    }

    @Test
    void reportsSeveralChildrenInTheOrderTheyEnd() throws InterruptedException {
        var slow = Children.spawned(Children.sh("exec sleep 30"));
        var fast = Children.spawned(Children.sh("exit 1"));
        watcher.watch(slow.pid());
        watcher.watch(fast.pid());
        assertEquals(new ExitEvent(fast.pid(), new ExitStatus.Exited(1)), next());
        Posix.kill(slow.pid(), 15);
        assertEquals(new ExitEvent(slow.pid(), new ExitStatus.Killed(15, false)), next());
    }

    @Test
    void watchingAProcessThatIsGoneReturnsFalse() {
        var child = Children.spawned(Children.sh("exit 0"));
        Children.awaitExit(child.pid());
        assertFalse(watcher.watch(child.pid()));
    }

    @Test
    void unwatchedChildIsLeftForItsOwnerToReap() throws InterruptedException {
        var child = Children.spawned(Children.sh("exec sleep 30"));
        watcher.watch(child.pid());
        watcher.unwatch(child.pid());
        Posix.kill(child.pid(), 9);
        assertEquals(new ExitStatus.Killed(9, false), Children.awaitExit(child.pid()));
        var other = Children.spawned(Children.sh("exit 5"));
        watcher.watch(other.pid());
        assertEquals(new ExitEvent(other.pid(), new ExitStatus.Exited(5)), next(), "no event for the unwatched");
    }

    @Test
    void closeStopsTheWatcherThread() throws InterruptedException {
        assertTrue(threadAlive());
        watcher.close();
        assertFalse(threadAlive());
    }

    private ExitEvent next() throws InterruptedException {
        ExitEvent event = events.poll(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(event, "no exit event within " + DEADLINE);
        return event;
    }

    private static boolean threadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("pidfd-watcher") && t.isAlive());
    }
}
