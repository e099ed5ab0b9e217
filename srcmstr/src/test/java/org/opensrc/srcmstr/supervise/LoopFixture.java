package org.opensrc.srcmstr.supervise;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real {@link SupervisionLoop} over processes on paper ({@link FakeProcessControl}, pids from 1000) and a clock that
 * moves only when told ({@link ManualScheduler}), for the tests of the layers above it.
 */
public final class LoopFixture implements AutoCloseable {

    private final FakeProcessControl processes = new FakeProcessControl();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final SupervisionLoop loop;

    /** The stop requests the loop sent over the subsystem API: "pid normal" or "pid forced". */
    public final List<String> stopRequests = new CopyOnWriteArrayList<>();

    public LoopFixture() {
        loop =
                new SupervisionLoop(
                        SupervisionState.EMPTY,
                        processes,
                        (pid, forced) -> stopRequests.add(pid + (forced ? " forced" : " normal")),
                        scheduler,
                        scheduler,
                        new RecordingListener());
        loop.start();
    }

    public SupervisionLoop loop() {
        return loop;
    }

    /** The time of the manual clock (epoch ms). */
    public long now() {
        return scheduler.millis();
    }

    /** The manual clock the loop runs on. */
    public java.time.InstantSource clock() {
        return scheduler;
    }

    /** Moves the clock on and runs what became due. */
    public void advance(long ms) {
        scheduler.advance(ms);
    }

    /** Blocks until something is scheduled for {@code atMillis} (a wait arming its time limit, say). */
    public void awaitTimerAt(long atMillis) throws InterruptedException {
        scheduler.awaitTaskAt(atMillis);
    }

    public boolean hasTimerAt(long atMillis) {
        return scheduler.hasTaskAt(atMillis);
    }

    /** How many spawns the loop ordered. */
    public int spawns() {
        return processes.spawns.size();
    }

    /** The signals sent, as "SIGNAME pid". */
    public List<String> signals() {
        return List.copyOf(processes.signals);
    }

    /** The watched process {@code pid} ends. */
    public void die(long pid) {
        processes.die(pid, "exit 0");
    }

    /** Delivers an event as the hub or the exit watcher would. */
    public void submit(Event event) {
        loop.submit(event);
    }

    /** Waits until everything queued so far was handled, spawn results included. */
    public void settle() throws Exception {
        loop.whenIdle().get(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        loop.close();
    }
}
