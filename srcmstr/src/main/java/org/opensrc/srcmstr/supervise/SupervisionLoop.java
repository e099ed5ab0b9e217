package org.opensrc.srcmstr.supervise;

import org.opensrc.srcmstr.registry.Registry;
import org.opensrc.srcmstr.registry.SubsystemDef;

import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The driver of {@link SupervisionMachine}: one platform thread named "supervision" owns the state and carries out the
 * effects. Every other thread only enqueues, through {@link #submit}, {@link #ask} or {@link #query}; exits, timers and
 * spawn results enqueue too.
 *
 * <p><b>Group commit.</b> The thread takes everything queued at that moment as one batch and applies its events one
 * after another. The outward effects of the whole batch (spawns, signals, kills, stop requests, answers, notify
 * methods) wait until the state after the batch is saved, once; when any of them needs it durably, the signals, kills
 * and stop requests go out once it is written and the rest once it is synced too. So starting or stopping a group of
 * 500 costs a handful of saves, not 500, and nothing is spawned, signalled or answered that a crash could forget.
 * Queries and waits are answered after the batch's effects were carried out. Timers, watches and log lines are carried
 * out at once: a crash can lose nothing by them.
 *
 * <p><b>Spawns off the thread.</b> A {@link Effect.Spawn} runs on a small pool ({@code spawner-N}); its result comes
 * back as an event like any other. A timer re-armed under the same id supersedes the earlier one even if that one
 * already fired.
 *
 * <p>A failure while handling one event never ends the loop: a spawn that throws fails that one instance ({@link
 * SpawnStage#INTERNAL}, logged, shown by {@code lssrc}); any other {@link RuntimeException} while applying an event is
 * logged, the event's transition is dropped (the state stays as it was) and a command waiting on it is answered with
 * the failure. Only an {@link Error} (out of memory …), on the thread or in a spawn, ends the thread: every waiting
 * answer then completes exceptionally and {@code onDeath} is called, so srcmstr can exit and be restarted by init.
 *
 * <p>When a save fails, the spawns of that batch are not made: each becomes a {@link Event.SpawnFailed} at {@link
 * SpawnStage#STATE} naming the cause, so nothing runs that the saved state does not record.
 */
public final class SupervisionLoop implements AutoCloseable {

    private sealed interface Item {}

    private record Deliver(Event event) implements Item {}

    private record Ask(ReplyTo replyTo, Command command, CompletableFuture<List<SrcMessage>> answer) implements Item {}

    private record AskAll(List<Ask> asks) implements Item {}

    private record Query<T>(Function<SupervisionState, T> question, CompletableFuture<T> answer) implements Item {
        void run(SupervisionState state) {
            try {
                answer.complete(question.apply(state));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        }
    }

    private record Fired(TimerId timer, long generation) implements Item {}

    private record Close() implements Item {}

    private record Await(Predicate<SupervisionState> condition, long limitMillis, CompletableFuture<Boolean> done)
            implements Item {}

    private record AwaitExpired(CompletableFuture<Boolean> done) implements Item {}

    /** The result of a spawn made on the pool, with what went wrong inside srcmstr if it threw. */
    private record SpawnResult(Event event, String name, Optional<String> notice, Optional<RuntimeException> failure)
            implements Item {}

    /** An {@link Error} thrown by a spawn on the pool: it ends the loop as if thrown on the thread. */
    private record Fatal(Error error) implements Item {}

    private record Idle(CompletableFuture<Void> done) implements Item {}

    private record Subscribe(WatchBuffer buffer, CompletableFuture<WatchBuffer> done) implements Item {}

    private record RegistryChanged(Registry registry) implements Item {}

    private record Watcher(
            Predicate<SupervisionState> condition, CompletableFuture<Boolean> done, Scheduler.Cancellable expiry) {}

    private record ArmedTimer(long generation, Scheduler.Cancellable handle) {}

    /** Most items taken as one batch. */
    private static final int MAX_BATCH = 4096;

    /** Threads that spawn: posix_spawn blocks its caller until the child has exec'd. */
    private static final int SPAWNERS = 2;

    private final SupervisionMachine machine = new SupervisionMachine();
    private final ProcessControl processes;
    private final StopRequests stopRequests;
    private final Scheduler scheduler;
    private final InstantSource clock;
    private final SupervisionListener listener;
    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final AtomicLong replyTokens = new AtomicLong();
    private final CompletableFuture<Void> shutdownComplete = new CompletableFuture<>();
    // Owned by the supervision thread:
    private final Map<ReplyTo, CompletableFuture<List<SrcMessage>>> waiting = new HashMap<>();
    private final Map<TimerId, ArmedTimer> timers = new HashMap<>();
    private final List<Watcher> watchers = new ArrayList<>();
    private final List<Item> batch = new ArrayList<>();
    private final List<Effect> outward = new ArrayList<>();
    private final List<Runnable> reads = new ArrayList<>();
    private final ArrayDeque<Event> followUps = new ArrayDeque<>();
    private final List<CompletableFuture<Void>> idleWaits = new ArrayList<>();
    private final Watchers watching = new Watchers();
    private final Executor spawner;
    private final ExecutorService ownSpawner;
    private boolean dirty;
    private boolean urgent;
    private int spawnsInFlight;
    private long timerGenerations;
    private SupervisionState state;
    private Thread thread;
    private Consumer<Throwable> onDeath = e -> {};

    public SupervisionLoop(
            SupervisionState initial,
            ProcessControl processes,
            StopRequests stopRequests,
            Scheduler scheduler,
            InstantSource clock,
            SupervisionListener listener) {
        this(initial, processes, stopRequests, scheduler, clock, listener, null);
    }

    /**
     * @param spawner where spawns run; null: a pool of {@value #SPAWNERS} threads owned (and closed) by this loop
     */
    public SupervisionLoop(
            SupervisionState initial,
            ProcessControl processes,
            StopRequests stopRequests,
            Scheduler scheduler,
            InstantSource clock,
            SupervisionListener listener,
            Executor spawner) {
        this.ownSpawner =
                spawner == null
                        ? Executors.newFixedThreadPool(
                                SPAWNERS, Thread.ofPlatform().daemon().name("spawner-", 1).factory())
                        : null;
        this.spawner = spawner == null ? ownSpawner : spawner;
        this.state = Objects.requireNonNull(initial, "initial");
        this.processes = Objects.requireNonNull(processes, "processes");
        this.stopRequests = Objects.requireNonNull(stopRequests, "stopRequests");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** What to do when the supervision thread dies of an {@link Error}; set before {@link #start}. */
    public synchronized void onDeath(Consumer<Throwable> action) {
        this.onDeath = Objects.requireNonNull(action, "action");
    }

    /** Starts the supervision thread. Call once. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("supervision loop already started");
        }
        thread = Thread.ofPlatform().name("supervision").start(this::run);
    }

    /** Enqueues an event (exits, attach/detach, readiness, shutdown, adoption). Any thread. */
    public void submit(Event event) {
        queue.add(new Deliver(Objects.requireNonNull(event, "event")));
    }

    /** Enqueues a command; the answer completes when the core replies (after the spawn for a start). */
    public CompletableFuture<List<SrcMessage>> ask(Command command) {
        CompletableFuture<List<SrcMessage>> answer = new CompletableFuture<>();
        queue.add(new Ask(new ReplyTo(replyTokens.incrementAndGet()), Objects.requireNonNull(command), answer));
        return answer;
    }

    /**
     * Enqueues several commands as one item, so that they are applied in one batch (one save for all of them); one
     * answer per command, in order.
     */
    public List<CompletableFuture<List<SrcMessage>>> askAll(List<Command> commands) {
        List<Ask> asks =
                commands.stream()
                        .map(
                                c ->
                                        new Ask(
                                                new ReplyTo(replyTokens.incrementAndGet()),
                                                Objects.requireNonNull(c),
                                                new CompletableFuture<List<SrcMessage>>()))
                        .toList();
        queue.add(new AskAll(asks));
        return asks.stream().map(Ask::answer).toList();
    }

    /** Answers {@code question} from the state, in queue order. Any thread. */
    public <T> CompletableFuture<T> query(Function<SupervisionState, T> question) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        queue.add(new Query<>(Objects.requireNonNull(question), answer));
        return answer;
    }

    /** Short status in {@code lssrc} order, against the registry the caller read. */
    public CompletableFuture<List<InstanceView>> status(
            List<SubsystemDef> registry, StatusListing.Visibility visibility) {
        List<SubsystemDef> copy = List.copyOf(registry);
        return query(s -> StatusListing.of(s, copy, visibility));
    }

    /**
     * Completes with {@code true} as soon as {@code condition} holds for the state (checked now and after every event),
     * or with {@code false} when {@code limitMillis} of the injected clock pass first. Nothing polls: the loop checks
     * after each change.
     */
    public CompletableFuture<Boolean> await(Predicate<SupervisionState> condition, long limitMillis) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        queue.add(new Await(Objects.requireNonNull(condition, "condition"), limitMillis, done));
        return done;
    }

    /** {@link #await} until every one of {@code definitions} shows a status {@code settled} accepts. */
    public CompletableFuture<Boolean> awaitStatus(
            List<SubsystemDef> definitions, Predicate<StatusWord> settled, long limitMillis) {
        List<SubsystemDef> copy = List.copyOf(definitions);
        Set<String> names = copy.stream().map(SubsystemDef::subsysname).collect(Collectors.toSet());
        return await(
                s ->
                        StatusListing.of(s, copy, StatusListing.Visibility.ALL).stream()
                                .filter(v -> names.contains(v.name()))
                                .allMatch(v -> settled.test(v.status())),
                limitMillis);
    }

    /**
     * {@link #await} until the instance running as {@code pid} is attached to the subsystem API; {@code false} at once
     * when no instance runs as {@code pid} any more.
     */
    public CompletableFuture<Boolean> awaitAttached(long pid, long limitMillis) {
        return awaitAttach(pid, limitMillis).thenApply(w -> w == AttachWait.ATTACHED);
    }

    /**
     * {@link #await} until the instance running as {@code pid} is attached to the subsystem API, and how that ended:
     * {@link AttachWait#ENDED} at once when no instance runs as {@code pid} (or as soon as it ends), {@link
     * AttachWait#NOT_IN_TIME} when {@code limitMillis} of the injected clock pass with it running but not attached.
     */
    public CompletableFuture<AttachWait> awaitAttach(long pid, long limitMillis) {
        return await(s -> instanceOf(s, pid).map(Instance::attached).orElse(true), limitMillis)
                .thenCompose(
                        settled ->
                                query(
                                        s ->
                                                instanceOf(s, pid)
                                                        .map(
                                                                i ->
                                                                        i.attached()
                                                                                ? AttachWait.ATTACHED
                                                                                : AttachWait.NOT_IN_TIME)
                                                        .orElse(AttachWait.ENDED)));
    }

    private static Optional<Instance> instanceOf(SupervisionState state, long pid) {
        return state.instances().values().stream().filter(i -> i.pid() == pid).findFirst();
    }

    /**
     * Starts a watch ({@code lssrc --watch}): the buffer completes once it holds the snapshot of the state as of the
     * last published change; every change committed after it follows, until {@link WatchBuffer#close}. A buffer that
     * fills up is given a lost notice and a fresh snapshot instead of what did not fit. Any thread.
     *
     * @param capacity most changes the buffer holds
     */
    public CompletableFuture<WatchBuffer> watch(int capacity) {
        CompletableFuture<WatchBuffer> done = new CompletableFuture<>();
        queue.add(new Subscribe(new WatchBuffer(capacity), done));
        return done;
    }

    /**
     * The registry is now {@code registry} (published by the definition store): watchers are told what changed, and
     * snapshots list its definitions. The first one sets it without telling anyone. Any thread.
     */
    public void registryChanged(Registry registry) {
        queue.add(new RegistryChanged(Objects.requireNonNull(registry, "registry")));
    }

    /**
     * Completes once everything queued before this call was handled and no spawn is in flight any more (their results
     * handled too): for tests and for a caller that must see the effects of what it submitted.
     */
    public CompletableFuture<Void> whenIdle() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Idle(done));
        return done;
    }

    /** Completes when a {@link Event.Shutdown} has finished. */
    public CompletableFuture<Void> shutdownComplete() {
        return shutdownComplete;
    }

    /** Stops the supervision thread after what is queued; supervised processes are left alone. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            running = thread;
        }
        queue.add(new Close());
        if (running != null) {
            try {
                running.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (ownSpawner != null) {
            ownSpawner.shutdown();
        }
    }

    private void run() {
        try {
            while (true) {
                batch.clear();
                if (followUps.isEmpty()) {
                    batch.add(queue.take());
                }
                queue.drainTo(batch, MAX_BATCH);
                while (!followUps.isEmpty()) {
                    handle(followUps.poll());
                }
                int closeAt = -1;
                for (int i = 0; i < batch.size() && closeAt < 0; i++) {
                    switch (batch.get(i)) {
                        case Deliver d -> handle(d.event());
                        case SpawnResult r -> {
                            spawnsInFlight--;
                            r.notice().ifPresent(listener::notice);
                            r.failure()
                                    .ifPresent(
                                            e -> listener.failure(r.name() + ": starting it failed inside srcmstr", e));
                            handle(r.event());
                        }
                        case Ask a -> {
                            waiting.put(a.replyTo(), a.answer());
                            handle(new Event.Request(a.replyTo(), a.command()));
                        }
                        case AskAll all -> {
                            for (Ask a : all.asks()) {
                                waiting.put(a.replyTo(), a.answer());
                                handle(new Event.Request(a.replyTo(), a.command()));
                            }
                        }
                        case Query<?> q -> reads.add(() -> q.run(state));
                        case Fired f -> {
                            ArmedTimer armed = timers.get(f.timer());
                            if (armed != null && armed.generation() == f.generation()) {
                                timers.remove(f.timer());
                                handle(new Event.TimerFired(f.timer()));
                            }
                        }
                        case Await a -> reads.add(() -> watch(a));
                        case AwaitExpired e -> reads.add(() -> expire(e.done()));
                        case Idle w -> idleWaits.add(w.done());
                        case Subscribe w ->
                                reads.add(
                                        () -> {
                                            watching.subscribe(w.buffer(), state, clock.millis());
                                            w.done().complete(w.buffer());
                                        });
                        case RegistryChanged r -> watching.registry(r.registry(), clock.millis());
                        case Fatal f -> throw f.error();
                        case Close c -> closeAt = i;
                    }
                }
                commit();
                reads.forEach(Runnable::run);
                reads.clear();
                checkWatchers();
                if (spawnsInFlight == 0 && followUps.isEmpty()) {
                    idleWaits.forEach(f -> f.complete(null));
                    idleWaits.clear();
                }
                if (closeAt >= 0) {
                    CancellationException closed = new CancellationException("supervision loop closed");
                    failItems(batch.subList(closeAt + 1, batch.size()), closed);
                    failWaiting(closed);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failWaiting(new CancellationException("supervision loop interrupted"));
        } catch (RuntimeException | Error e) {
            failItems(batch, e);
            failWaiting(e);
            Consumer<Throwable> death;
            synchronized (this) {
                death = onDeath;
            }
            death.accept(e);
            throw e;
        }
    }

    private void failWaiting(Throwable cause) {
        waiting.values().forEach(f -> f.completeExceptionally(cause));
        waiting.clear();
        failItems(queue, cause);
        idleWaits.forEach(f -> f.completeExceptionally(cause));
        idleWaits.clear();
        timers.values().forEach(t -> t.handle().cancel());
        timers.clear();
        watching.closeAll();
        watchers.forEach(
                w -> {
                    w.expiry().cancel();
                    w.done().completeExceptionally(cause);
                });
        watchers.clear();
    }

    /** Fails whoever waits on one of {@code items} (not handled, the loop is ending). */
    private static void failItems(Iterable<Item> items, Throwable cause) {
        for (Item item : items) {
            switch (item) {
                case Ask a -> a.answer().completeExceptionally(cause);
                case AskAll all -> all.asks().forEach(a -> a.answer().completeExceptionally(cause));
                case Query<?> q -> q.answer().completeExceptionally(cause);
                case Await a -> a.done().completeExceptionally(cause);
                case Idle i -> i.done().completeExceptionally(cause);
                case Subscribe w -> w.done().completeExceptionally(cause);
                case RegistryChanged r -> {}
                case Deliver d -> {}
                case SpawnResult r -> {}
                case Fatal f -> {}
                case Fired f -> {}
                case AwaitExpired e -> {}
                case Close c -> {}
            }
        }
    }

    private void watch(Await a) {
        if (a.condition().test(state)) {
            a.done().complete(true);
            return;
        }
        Scheduler.Cancellable expiry =
                scheduler.schedule(
                        clock.millis() + Math.max(0, a.limitMillis()), () -> queue.add(new AwaitExpired(a.done())));
        watchers.add(new Watcher(a.condition(), a.done(), expiry));
    }

    private void expire(CompletableFuture<Boolean> done) {
        if (watchers.removeIf(w -> w.done() == done)) {
            done.complete(false);
        }
    }

    /** Completes the waits whose condition the state now meets. */
    private void checkWatchers() {
        if (watchers.isEmpty()) {
            return;
        }
        for (Iterator<Watcher> it = watchers.iterator(); it.hasNext(); ) {
            Watcher w = it.next();
            boolean met;
            try {
                met = w.condition().test(state);
            } catch (RuntimeException e) {
                it.remove();
                w.expiry().cancel();
                w.done().completeExceptionally(e);
                continue;
            }
            if (met) {
                it.remove();
                w.expiry().cancel();
                w.done().complete(true);
            }
        }
    }

    /**
     * Applies an event: the state changes now, the save and the outward effects wait for {@link #commit}; timers,
     * watches and log lines are carried out at once.
     */
    private void handle(Event event) {
        Transition t;
        long now = clock.millis();
        try {
            t = machine.apply(state, event, now);
        } catch (RuntimeException e) {
            refused(event, e);
            return;
        }
        if (watching.watched()) {
            watching.record(ChangeDetector.instanceChanges(state, t.state(), event, t.effects()), now);
        }
        state = t.state();
        for (Effect effect : t.effects()) {
            switch (effect) {
                case Effect.Persist p -> {
                    dirty = true;
                    urgent |= p.urgent();
                }
                case Effect.Watch w -> carryOut(effect, Optional.empty());
                case Effect.ArmTimer a -> carryOut(effect, Optional.empty());
                case Effect.CancelTimer c -> carryOut(effect, Optional.empty());
                default -> outward.add(effect);
            }
        }
    }

    /**
     * Saves the state once for the whole batch, then carries out its effects: first what acts on running processes,
     * then, once the save is synced when an effect needs it, the spawns, the answers and the log lines.
     */
    private void commit() {
        Optional<String> notSaved = Optional.empty();
        boolean durably = urgent;
        if (dirty) {
            dirty = false;
            urgent = false;
            notSaved = listener.persist(state);
        }
        // watchers learn of the batch once it is saved, before its effects: a watcher may see a start a moment before
        // the process runs, never a change srcmstr could forget
        watching.publish(state, clock.millis());
        if (outward.isEmpty()) {
            if (durably && notSaved.isEmpty()) {
                listener.sync();
            }
            return;
        }
        List<Effect> todo = List.copyOf(outward);
        outward.clear();
        // signals, kills and stop requests as soon as the state is written: a crash of srcmstr cannot forget them (a
        // new srcmstr reads the stop and asks again), and after a crash of the machine no process is left for them to
        // have ended; what the operator is told waits for the sync (reliability.md)
        for (Effect effect : todo) {
            if (actsOnRunningProcesses(effect)) {
                carryOut(effect, notSaved);
            }
        }
        if (durably && notSaved.isEmpty()) {
            notSaved = listener.sync();
        }
        // then what starts processes, then the answers, then the log lines: the threads an answer wakes would slow the
        // spawns down; a respawn does not wait for its 0513-035 line to be written
        for (Effect effect : todo) {
            if (!actsOnRunningProcesses(effect)
                    && !(effect instanceof Effect.Reply
                            || effect instanceof Effect.Log
                            || effect instanceof Effect.Notice)) {
                carryOut(effect, notSaved);
            }
        }
        for (Effect effect : todo) {
            if (effect instanceof Effect.Reply) {
                carryOut(effect, notSaved);
            }
        }
        for (Effect effect : todo) {
            if (effect instanceof Effect.Log || effect instanceof Effect.Notice) {
                carryOut(effect, notSaved);
            }
        }
    }

    private static boolean actsOnRunningProcesses(Effect effect) {
        return effect instanceof Effect.Signal
                || effect instanceof Effect.KillTree
                || effect instanceof Effect.SendStopRequest;
    }

    private void carryOut(Effect effect, Optional<String> notSaved) {
        try {
            execute(effect, notSaved);
        } catch (RuntimeException e) {
            listener.failure("supervision could not carry out " + effect.getClass().getSimpleName(), e);
        }
    }

    /** An event the machine could not apply: logged, its state change dropped, its asker answered. */
    private void refused(Event event, RuntimeException e) {
        // the class only: a request's toString would carry its -e values
        listener.failure("supervision could not handle " + event.getClass().getSimpleName() + "; it was dropped", e);
        if (event instanceof Event.Request r) {
            CompletableFuture<List<SrcMessage>> answer = waiting.remove(r.replyTo());
            if (answer != null) {
                answer.completeExceptionally(e);
            }
        }
    }

    private void execute(Effect effect, Optional<String> notSaved) {
        switch (effect) {
            case Effect.Spawn s -> {
                if (notSaved.isPresent()) {
                    followUps.add(
                            new Event.SpawnFailed(
                                    s.instance(),
                                    SpawnStage.STATE,
                                    "the state could not be saved, so nothing was started: " + notSaved.get()));
                } else {
                    dispatch(s);
                }
            }
            case Effect.Signal s -> processes.signal(s.pid(), s.signalName());
            case Effect.KillTree k -> processes.killTree(k.pid(), k.sessionId());
            case Effect.SendStopRequest r -> stopRequests.send(r.pid(), r.forced());
            case Effect.Watch w ->
                    processes.watch(w.pid(), (pid, how, survivors) -> submit(new Event.Exited(pid, how, survivors)));
            case Effect.ArmTimer a -> arm(a.timer(), a.atMillis());
            case Effect.CancelTimer c -> {
                ArmedTimer armed = timers.remove(c.timer());
                if (armed != null) {
                    armed.handle().cancel();
                }
            }
            case Effect.RunNotify n -> listener.runNotify(n.subsystem(), n.group());
            case Effect.Log l -> listener.log(l.code(), l.args());
            case Effect.Notice n -> listener.notice(n.message());
            case Effect.Reply r -> {
                CompletableFuture<List<SrcMessage>> answer = waiting.remove(r.replyTo());
                if (answer != null) {
                    answer.complete(r.outcomes());
                }
            }
            case Effect.Persist p -> throw new IllegalStateException("persist is carried out by commit");
            case Effect.ShutdownComplete s -> {
                listener.shutdownComplete();
                shutdownComplete.complete(null);
            }
        }
    }

    /** Hands a spawn to the pool; its result comes back as a {@link SpawnResult}. */
    private void dispatch(Effect.Spawn s) {
        spawnsInFlight++;
        try {
            spawner.execute(
                    () -> {
                        try {
                            queue.add(spawn(s));
                        } catch (Error e) {
                            queue.add(new Fatal(e));
                        }
                    });
        } catch (RejectedExecutionException e) {
            spawnsInFlight--;
            listener.failure(s.definition().subsysname() + ": no thread could start it", e);
            followUps.add(new Event.SpawnFailed(s.instance(), SpawnStage.INTERNAL, "srcmstr could not start it: " + e));
        }
    }

    /** Spawns (on a pool thread) and turns the result into the item that reports it. */
    private SpawnResult spawn(Effect.Spawn s) {
        String name = s.definition().subsysname();
        SpawnOutcome outcome;
        try {
            outcome = processes.spawn(new SpawnOrder(s.instance(), s.definition(), s.args(), s.env()));
        } catch (RuntimeException e) {
            return new SpawnResult(
                    new Event.SpawnFailed(s.instance(), SpawnStage.INTERNAL, "srcmstr could not start it: " + e),
                    name,
                    Optional.empty(),
                    Optional.of(e));
        }
        return switch (outcome) {
            case SpawnOutcome.Spawned ok ->
                    new SpawnResult(
                            new Event.SpawnSucceeded(s.instance(), ok.pid(), ok.startTime()),
                            name,
                            Optional.empty(),
                            Optional.empty());
            case SpawnOutcome.Failed failed ->
                    new SpawnResult(
                            new Event.SpawnFailed(s.instance(), failed.stage(), failed.detail()),
                            name,
                            Optional.of(name + ": spawn failed: " + failed.detail()),
                            Optional.empty());
        };
    }

    private void arm(TimerId timer, long atMillis) {
        ArmedTimer previous = timers.remove(timer);
        if (previous != null) {
            previous.handle().cancel();
        }
        long generation = ++timerGenerations;
        Scheduler.Cancellable handle = scheduler.schedule(atMillis, () -> queue.add(new Fired(timer, generation)));
        timers.put(timer, new ArmedTimer(generation, handle));
    }
}
