package org.opensrc.srcmstr.supervise;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Processes on paper: spawns hand out pids from 1000, and a test makes them die at will. */
final class FakeProcessControl implements ProcessControl {

    final List<SpawnOrder> spawns = new CopyOnWriteArrayList<>();
    final List<String> spawnThreads = new CopyOnWriteArrayList<>();
    final List<String> signals = new CopyOnWriteArrayList<>();
    final List<Long> killedTrees = new CopyOnWriteArrayList<>();
    final Map<Long, DeathListener> watched = new ConcurrentHashMap<>();
    private final Deque<SpawnOutcome> scripted = new ArrayDeque<>();
    private long nextPid = 1000;

    /** The next spawn gives this outcome instead of a fresh pid. */
    synchronized void nextSpawn(SpawnOutcome outcome) {
        scripted.add(outcome);
    }

    private Throwable throwNext;

    /** The next spawn throws {@code e}: a bug or an unusable value (a RuntimeException), or an Error. */
    synchronized void nextSpawnThrows(Throwable e) {
        throwNext = e;
    }

    @Override
    public synchronized SpawnOutcome spawn(SpawnOrder order) {
        spawns.add(order);
        spawnThreads.add(Thread.currentThread().getName());
        if (throwNext != null) {
            Throwable e = throwNext;
            throwNext = null;
            switch (e) {
                case RuntimeException r -> throw r;
                case Error r -> throw r;
                default -> throw new IllegalStateException(e);
            }
        }
        SpawnOutcome outcome = scripted.poll();
        return outcome != null ? outcome : new SpawnOutcome.Spawned(nextPid++, OptionalLong.empty());
    }

    @Override
    public void signal(long pid, String signalName) {
        signals.add(signalName + " " + pid);
    }

    @Override
    public void killTree(long pid, long sessionId) {
        killedTrees.add(pid);
    }

    @Override
    public void watch(long pid, DeathListener listener) {
        watched.put(pid, listener);
    }

    /** The watched process {@code pid} ends, leaving nothing behind. */
    void die(long pid, String how) {
        DeathListener listener = watched.remove(pid);
        if (listener == null) {
            throw new AssertionError("pid " + pid + " is not watched; watched: " + new ArrayList<>(watched.keySet()));
        }
        listener.died(pid, how, List.of());
    }
}
