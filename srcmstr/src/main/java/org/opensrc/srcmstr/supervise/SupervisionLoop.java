package org.opensrc.srcmstr.supervise;

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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The driver of {@link SupervisionMachine}: one platform thread named "supervision" owns the state and carries out the
 * effects. Every other thread only enqueues, through {@link #submit}, {@link #ask} or {@link #query}; exits and timers
 * enqueue too.
 *
 * <p>A {@link Effect.Spawn} runs synchronously on the supervision thread and its result is handled right after the
 * transition that ordered it, before any queued event. A timer re-armed under the same id supersedes the earlier one
 * even if that one already fired.
 *
 * <p>A failure while handling one event never ends the loop: a spawn that throws fails that one instance ({@link
 * SpawnStage#INTERNAL}, logged, shown by {@code lssrc}); any other {@link RuntimeException} while applying an event is
 * logged, the event's transition is dropped (the state stays as it was) and a command waiting on it is answered with
 * the failure. Only an {@link Error} (out of memory …) ends the thread: every waiting answer then completes
 * exceptionally and {@code onDeath} is called, so srcmstr can exit and be restarted by init.
 *
 * <p>When an urgent save fails, the spawns of that transition are not made: each becomes a {@link Event.SpawnFailed} at
 * {@link SpawnStage#STATE} naming the cause, so nothing runs that the saved state does not record.
 */
public final class SupervisionLoop implements AutoCloseable {

    private sealed interface Item {}

    private record Deliver(Event event) implements Item {}

    private record Ask(ReplyTo replyTo, Command command, CompletableFuture<List<SrcMessage>> answer) implements Item {}

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

    private record Watcher(
            Predicate<SupervisionState> condition, CompletableFuture<Boolean> done, Scheduler.Cancellable expiry) {}

    private record ArmedTimer(long generation, Scheduler.Cancellable handle) {}

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
    }

    private void run() {
        try {
            while (true) {
                Item item = queue.take();
                switch (item) {
                    case Deliver d -> handle(d.event());
                    case Ask a -> {
                        waiting.put(a.replyTo(), a.answer());
                        handle(new Event.Request(a.replyTo(), a.command()));
                    }
                    case Query<?> q -> q.run(state);
                    case Fired f -> {
                        ArmedTimer armed = timers.get(f.timer());
                        if (armed != null && armed.generation() == f.generation()) {
                            timers.remove(f.timer());
                            handle(new Event.TimerFired(f.timer()));
                        }
                    }
                    case Await a -> watch(a);
                    case AwaitExpired e -> expire(e.done());
                    case Close c -> {
                        failWaiting(new CancellationException("supervision loop closed"));
                        return;
                    }
                }
                checkWatchers();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failWaiting(new CancellationException("supervision loop interrupted"));
        } catch (RuntimeException | Error e) {
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
        for (Item item : queue) {
            switch (item) {
                case Ask a -> a.answer().completeExceptionally(cause);
                case Query<?> q -> q.answer().completeExceptionally(cause);
                case Await a -> a.done().completeExceptionally(cause);
                case Deliver d -> {}
                case Fired f -> {}
                case AwaitExpired e -> {}
                case Close c -> {}
            }
        }
        timers.values().forEach(t -> t.handle().cancel());
        timers.clear();
        watchers.forEach(
                w -> {
                    w.expiry().cancel();
                    w.done().completeExceptionally(cause);
                });
        watchers.clear();
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

    /** Applies an event, then the spawn results it caused, before anything else queued. */
    private void handle(Event event) {
        ArrayDeque<Event> next = new ArrayDeque<>();
        next.add(event);
        while (!next.isEmpty()) {
            Event current = next.poll();
            Transition t;
            try {
                t = machine.apply(state, current, clock.millis());
            } catch (RuntimeException e) {
                refused(current, e);
                continue;
            }
            state = t.state();
            Optional<String> notSaved = Optional.empty();
            for (Effect effect : t.effects()) {
                if (effect instanceof Effect.Persist p) {
                    notSaved = listener.persist(state, p.urgent());
                } else {
                    try {
                        execute(effect, next, notSaved);
                    } catch (RuntimeException e) {
                        listener.failure("supervision could not carry out " + effect.getClass().getSimpleName(), e);
                    }
                }
            }
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

    private void execute(Effect effect, ArrayDeque<Event> next, Optional<String> notSaved) {
        switch (effect) {
            case Effect.Spawn s ->
                    next.add(
                            notSaved.isPresent()
                                    ? new Event.SpawnFailed(
                                            s.instance(),
                                            SpawnStage.STATE,
                                            "the state could not be saved, so nothing was started: " + notSaved.get())
                                    : spawn(s));
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
            case Effect.Persist p -> throw new IllegalStateException("persist is carried out by handle");
            case Effect.ShutdownComplete s -> {
                listener.shutdownComplete();
                shutdownComplete.complete(null);
            }
        }
    }

    /** Spawns and turns the result into the event that reports it; a spawn that throws fails this instance only. */
    private Event spawn(Effect.Spawn s) {
        String name = s.definition().subsysname();
        SpawnOutcome outcome;
        try {
            outcome = processes.spawn(new SpawnOrder(s.instance(), s.definition(), s.args(), s.env()));
        } catch (RuntimeException e) {
            listener.failure(name + ": starting it failed inside srcmstr", e);
            return new Event.SpawnFailed(s.instance(), SpawnStage.INTERNAL, "srcmstr could not start it: " + e);
        }
        return switch (outcome) {
            case SpawnOutcome.Spawned ok -> new Event.SpawnSucceeded(s.instance(), ok.pid(), ok.startTime());
            case SpawnOutcome.Failed failed -> {
                listener.notice(name + ": spawn failed: " + failed.detail());
                yield new Event.SpawnFailed(s.instance(), failed.stage(), failed.detail());
            }
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
