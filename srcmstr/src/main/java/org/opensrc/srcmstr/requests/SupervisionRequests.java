package org.opensrc.srcmstr.requests;

import org.opensrc.libsrc.posix.ProcInfo;
import org.opensrc.libsrc.posix.ProcessTable;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.srcmstr.registry.FieldLimits;
import org.opensrc.srcmstr.registry.Registry;
import org.opensrc.srcmstr.registry.SubsystemDef;
import org.opensrc.srcmstr.supervise.AttachWait;
import org.opensrc.srcmstr.supervise.Command;
import org.opensrc.srcmstr.supervise.InstanceView;
import org.opensrc.srcmstr.supervise.ShellWords;
import org.opensrc.srcmstr.supervise.SrcMessage;
import org.opensrc.srcmstr.supervise.StatusListing;
import org.opensrc.srcmstr.supervise.StatusWord;
import org.opensrc.srcmstr.supervise.StopTarget;
import org.opensrc.srcmstr.supervise.StopType;
import org.opensrc.srcmstr.supervise.SupervisionLoop;
import org.opensrc.srcmstr.supervise.WatchBuffer;
import org.opensrc.srcmstr.trust.RootPrograms;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * startsrc, stopsrc and short lssrc: turns a scope (-s / -g / -a / -p) into one command per subsystem for the
 * supervision loop, and its answers into {@link Answer}s. A request refused as a whole throws {@link Refused}. {@code
 * --wait} ends when the loop reports the subsystems settled, or when the wait runs out (then the answers are the same).
 */
public final class SupervisionRequests {

    /** Longest {@code --wait}: a day. */
    static final long WAIT_MAX_MS = 86_400_000L;

    private final SupervisionLoop loop;
    private final Supplier<Registry> registry;
    private final Supplier<List<ProcInfo>> processes;
    private final RootPrograms rootPrograms;

    /**
     * @param processes one /proc snapshot per call ({@link ProcessTable#all()})
     */
    public SupervisionRequests(
            SupervisionLoop loop,
            Supplier<Registry> registry,
            Supplier<List<ProcInfo>> processes,
            RootPrograms rootPrograms) {
        this.loop = loop;
        this.registry = registry;
        this.processes = processes;
        this.rootPrograms = rootPrograms;
    }

    /** The definitions a -s / -g / -a scope names; refusals 085 / 086 (and 007 for -p). */
    List<SubsystemDef> members(Registry reg, Scope scope) {
        return switch (scope) {
            case Scope.Subsystem s ->
                    List.of(
                            reg.subsystem(s.name())
                                    .orElseThrow(
                                            () -> refused(Refused.Why.NOT_FOUND, SrcCode.SRC_CODE_SUBSYS, s.name())));
            case Scope.Group g -> {
                List<SubsystemDef> group = reg.group(g.name());
                if (group.isEmpty()) {
                    throw refused(Refused.Why.NOT_FOUND, SrcCode.SRC_CODE_GROUP, g.name());
                }
                yield group;
            }
            case Scope.All a -> reg.subsystems();
            case Scope.Pid p -> throw refused(Refused.Why.INVALID, SrcCode.SRC_CODE_PARM);
        };
    }

    /** startsrc: one answer per started instance (0513-059) or its error. */
    public List<Answer> start(Scope scope, String argWords, String envWords, long waitMs) {
        Registry reg = registry.get();
        List<SubsystemDef> defs = members(reg, scope);
        List<String> args;
        List<String> env;
        try {
            args = ShellWords.split(argWords);
            env = ShellWords.split(envWords);
        } catch (IllegalArgumentException e) {
            throw refused(Refused.Why.INVALID, SrcCode.SRC_CODE_PARM);
        }
        startValues(args, env, waitMs)
                .ifPresent(
                        problem -> {
                            throw new Refused(
                                    Refused.Why.INVALID, new SrcMessage(SrcCode.SRC_CODE_PARM, List.of(), problem));
                        });
        // one item for the loop, so that a group is applied in one batch: one save for all its spawns
        List<Optional<String>> refusals = defs.stream().map(rootPrograms::refusal).toList();
        List<Command> starts = new ArrayList<>();
        for (int i = 0; i < defs.size(); i++) {
            if (refusals.get(i).isEmpty()) {
                starts.add(new Command.Start(defs.get(i), args, env));
            }
        }
        Iterator<CompletableFuture<List<SrcMessage>>> started = loop.askAll(starts).iterator();
        List<CompletableFuture<List<Answer>>> answers = new ArrayList<>();
        for (int i = 0; i < defs.size(); i++) {
            String name = defs.get(i).subsysname();
            answers.add(
                    refusals.get(i)
                            .map(
                                    text ->
                                            CompletableFuture.completedFuture(
                                                    List.of(
                                                            new Answer(
                                                                    name,
                                                                    new SrcMessage(
                                                                            SrcCode.SRC_CODE_FEXE,
                                                                            List.of(name),
                                                                            text)))))
                            .orElseGet(() -> started.next().thenApply(list -> named(list, name))));
        }
        List<Answer> outcomes = answers.stream().flatMap(a -> a.join().stream()).toList();
        if (waitMs > 0) {
            loop.awaitStatus(defs, w -> w != StatusWord.STARTING, waitMs).join();
        }
        return outcomes;
    }

    /**
     * What is wrong with a start's -a words, -e words or wait, if anything: no control characters (they are saved and
     * logged), -e words NAME=value. Values are not shown.
     */
    static Optional<String> startValues(List<String> args, List<String> env, long waitMs) {
        for (String a : args) {
            if (FieldLimits.text("a", a).isPresent()) {
                return Optional.of("-a: a word holds a control character");
            }
        }
        for (String e : env) {
            if (e.indexOf('=') <= 0 || FieldLimits.text("e", e).isPresent()) {
                return Optional.of("-e: every word must be NAME=value without control characters");
            }
        }
        return waitProblem(waitMs);
    }

    private static Optional<String> waitProblem(long waitMs) {
        if (waitMs < 0 || waitMs > WAIT_MAX_MS) {
            return Optional.of("--wait: " + waitMs + " ms is out of range 0.." + WAIT_MAX_MS);
        }
        return Optional.empty();
    }

    /** stopsrc: one answer per stopped instance (0513-044) or its error. */
    public List<Answer> stop(Scope scope, StopType type, long waitMs) {
        waitProblem(waitMs)
                .ifPresent(
                        problem -> {
                            throw new Refused(
                                    Refused.Why.INVALID, new SrcMessage(SrcCode.SRC_CODE_PARM, List.of(), problem));
                        });
        if (scope instanceof Scope.Pid p) {
            return named(loop.ask(new Command.Stop(new StopTarget.ByPid(p.pid()), type)).join(), "");
        }
        Registry reg = registry.get();
        List<InstanceView> running =
                loop.status(reg.subsystems(), StatusListing.Visibility.ALL).join().stream()
                        .filter(v -> v.pid().isPresent())
                        .toList();
        // -s names a subsystem of the registry; -g and -a stop what runs, each instance under the group it was
        // started with (the group lssrc -g lists it under), so a group changed by chssys while it ran still stops it
        List<String> names;
        if (scope instanceof Scope.Subsystem) {
            names = List.of(members(reg, scope).getFirst().subsysname());
        } else {
            Set<String> listed =
                    running.stream()
                            .filter(v -> !(scope instanceof Scope.Group g) || v.group().equals(g.name()))
                            .map(InstanceView::name)
                            .collect(Collectors.toCollection(LinkedHashSet::new));
            // registry order first, as before; instances whose definition was removed after
            names =
                    Stream.concat(
                                    reg.subsystems().stream().map(SubsystemDef::subsysname).filter(listed::contains),
                                    listed.stream())
                            .distinct()
                            .toList();
            if (names.isEmpty()) {
                members(reg, scope);
                return scope instanceof Scope.Group g
                        ? List.of(Answer.of("", SrcCode.SRC_CODE_SVND, g.name()))
                        : List.of();
            }
        }
        // one stop per subsystem; a multi-instance subsystem gets one per instance (AIX:
        // "stopsrc -s srctest" stops all instances of srctest)
        Map<String, List<Long>> pidsByName =
                running.stream()
                        .collect(
                                Collectors.groupingBy(
                                        InstanceView::name,
                                        Collectors.mapping(v -> v.pid().getAsLong(), Collectors.toList())));
        List<Command> stops = new ArrayList<>();
        List<String> stopped = new ArrayList<>();
        for (String name : names) {
            List<Long> pids = pidsByName.getOrDefault(name, List.of());
            List<StopTarget> targets =
                    pids.size() > 1
                            ? pids.stream().<StopTarget>map(StopTarget.ByPid::new).toList()
                            : List.of(new StopTarget.BySubsystem(name));
            for (StopTarget target : targets) {
                stops.add(new Command.Stop(target, type));
                stopped.add(name);
            }
        }
        // one item for the loop: one save, then every signal
        List<CompletableFuture<List<SrcMessage>>> asked = loop.askAll(stops);
        List<CompletableFuture<List<Answer>>> answers = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            String name = stopped.get(i);
            answers.add(asked.get(i).thenApply(list -> named(list, name)));
        }
        Set<String> nameSet = Set.copyOf(names);
        List<SubsystemDef> defs = reg.subsystems().stream().filter(d -> nameSet.contains(d.subsysname())).toList();
        List<Answer> outcomes = answers.stream().flatMap(a -> a.join().stream()).toList();
        if (waitMs > 0) {
            loop.awaitStatus(defs, w -> w == StatusWord.INOPERATIVE, waitMs).join();
        }
        return outcomes;
    }

    /**
     * lssrc --watch: a watch of supervision whose buffer holds at most {@code capacity} changes; it starts with its
     * snapshot. Close the buffer when the watcher goes away.
     */
    public WatchBuffer watch(int capacity) {
        return loop.watch(capacity).join();
    }

    /** Short lssrc; {@code withProcesses} adds each running instance's process tree. */
    public List<StatusLine> status(Scope scope, boolean withProcesses) {
        Registry reg = registry.get();
        StatusListing.Visibility visibility =
                switch (scope) {
                    case Scope.All a -> StatusListing.Visibility.DISPLAYED_ONLY;
                    case Scope.Group g -> StatusListing.Visibility.DISPLAYED_ONLY;
                    case Scope.Subsystem s -> StatusListing.Visibility.ALL;
                    case Scope.Pid p -> StatusListing.Visibility.ALL;
                };
        List<InstanceView> views = loop.status(reg.subsystems(), visibility).join();
        List<InstanceView> chosen =
                switch (scope) {
                    case Scope.All a -> views;
                    case Scope.Group g -> {
                        // a running instance is listed under the group it was started with, even one chssys
                        // has since moved out of the registry's group
                        List<InstanceView> inGroup = views.stream().filter(v -> v.group().equals(g.name())).toList();
                        if (inGroup.isEmpty()) {
                            members(reg, scope);
                        }
                        yield inGroup;
                    }
                    case Scope.Subsystem s -> {
                        String name = members(reg, scope).getFirst().subsysname();
                        yield views.stream().filter(v -> v.name().equals(name)).toList();
                    }
                    case Scope.Pid p -> {
                        List<InstanceView> match =
                                views.stream()
                                        .filter(v -> v.pid().isPresent() && v.pid().getAsLong() == p.pid())
                                        .toList();
                        if (match.isEmpty()) {
                            throw refused(Refused.Why.NOT_FOUND, SrcCode.SRC_CODE_SVND, Integer.toString(p.pid()));
                        }
                        yield match;
                    }
                };
        List<ProcInfo> table =
                withProcesses && chosen.stream().anyMatch(v -> v.pid().isPresent()) ? processes.get() : List.of();
        return chosen.stream().map(v -> new StatusLine(v, tree(v, table))).toList();
    }

    private static List<Integer> tree(InstanceView v, List<ProcInfo> table) {
        if (v.pid().isEmpty() || table.isEmpty()) {
            return List.of();
        }
        int pid = Math.toIntExact(v.pid().getAsLong());
        int sid = table.stream().filter(x -> x.pid() == pid).map(ProcInfo::sid).findFirst().orElse(0);
        return ProcessTable.treeOf(table, pid, sid, true).stream().map(ProcInfo::pid).toList();
    }

    /** The running instance's pid of a subsystem, when exactly one runs (031 when several). */
    Optional<Long> onePid(String subsysname, int requestedPid) {
        List<InstanceView> views =
                loop.status(registry.get().subsystems(), StatusListing.Visibility.ALL).join().stream()
                        .filter(v -> v.name().equals(subsysname) && v.pid().isPresent())
                        .toList();
        if (requestedPid > 0) {
            return views.stream().map(v -> v.pid().getAsLong()).filter(p -> p == requestedPid).findFirst();
        }
        if (views.size() > 1) {
            throw refused(Refused.Why.PRECONDITION, SrcCode.SRC_CODE_WICH);
        }
        return views.stream().map(v -> v.pid().getAsLong()).findFirst();
    }

    /** Waits, driven by the loop's events, until instance {@code pid} attached, ended, or the limit passed. */
    AttachWait awaitAttach(long pid, long limitMillis) {
        return loop.awaitAttach(pid, limitMillis).join();
    }

    private static List<Answer> named(List<SrcMessage> messages, String subsystem) {
        return messages.stream().map(m -> new Answer(subsystem, m)).toList();
    }

    static Refused refused(Refused.Why why, SrcCode code, String... args) {
        return new Refused(why, SrcMessage.of(code, args));
    }
}
