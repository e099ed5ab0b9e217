package org.opensrc.srcmstr.control;

import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.opensrc.libsrc.SrcFailure;
import org.opensrc.libsrc.posix.ProcessTable;
import org.opensrc.proto.v1.Outcome;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.proto.v1.StartRequest;
import org.opensrc.proto.v1.StatusRequest;
import org.opensrc.proto.v1.StopRequest;
import org.opensrc.proto.v1.SubsystemStatus;
import org.opensrc.proto.v1.Target;
import org.opensrc.srcmstr.registry.Registry;
import org.opensrc.srcmstr.registry.SubsystemDef;
import org.opensrc.srcmstr.supervise.Command;
import org.opensrc.srcmstr.supervise.InstanceView;
import org.opensrc.srcmstr.supervise.ShellWords;
import org.opensrc.srcmstr.supervise.StatusListing;
import org.opensrc.srcmstr.supervise.StatusWord;
import org.opensrc.srcmstr.supervise.StopKind;
import org.opensrc.srcmstr.supervise.StopTarget;
import org.opensrc.srcmstr.supervise.SupervisionLoop;
import org.opensrc.srcmstr.trust.RootPrograms;

/**
 * startsrc, stopsrc and short lssrc: turns targets (-s / -g / -a / -p) into one command
 * per subsystem for the supervision loop, and its answers into outcomes.
 */
public final class SupervisionRequests {

    private static final Duration WAIT_STEP = Duration.ofMillis(20);

    private final SupervisionLoop loop;
    private final Supplier<Registry> registry;
    private final ProcessTable table;
    private final RootPrograms rootPrograms;

    public SupervisionRequests(SupervisionLoop loop, Supplier<Registry> registry, ProcessTable table,
            RootPrograms rootPrograms) {
        this.loop = loop;
        this.registry = registry;
        this.table = table;
        this.rootPrograms = rootPrograms;
    }

    /** The definitions a -s / -g target names; request-level failures 085 / 086. */
    List<SubsystemDef> members(Registry reg, Target target) {
        return switch (target.getKindCase()) {
            case SUBSYSTEM -> List.of(reg.subsystem(target.getSubsystem()).orElseThrow(() ->
                    SrcFailure.of(Status.Code.NOT_FOUND, SrcCode.SRC_CODE_SUBSYS, target.getSubsystem()).toException()));
            case GROUP -> {
                List<SubsystemDef> group = reg.group(target.getGroup());
                if (group.isEmpty()) {
                    throw SrcFailure.of(Status.Code.NOT_FOUND, SrcCode.SRC_CODE_GROUP, target.getGroup()).toException();
                }
                yield group;
            }
            case ALL -> reg.subsystems();
            case PID, KIND_NOT_SET -> throw SrcFailure.of(Status.Code.INVALID_ARGUMENT, SrcCode.SRC_CODE_PARM).toException();
        };
    }

    public List<Outcome> start(StartRequest request) {
        Registry reg = registry.get();
        List<SubsystemDef> defs = members(reg, request.getTarget());
        List<String> args;
        List<String> env;
        try {
            args = ShellWords.split(request.getArgs());
            env = ShellWords.split(request.getEnv());
        } catch (IllegalArgumentException e) {
            throw SrcFailure.of(Status.Code.INVALID_ARGUMENT, SrcCode.SRC_CODE_PARM).toException();
        }
        startValues(args, env, request.getWaitMs()).ifPresent(problem -> {
            throw SrcFailure.of(Status.Code.INVALID_ARGUMENT, SrcCode.SRC_CODE_PARM).withDetail(problem).toException();
        });
        List<CompletableFuture<List<Outcome>>> answers = new ArrayList<>();
        for (SubsystemDef def : defs) {
            answers.add(rootPrograms.refusal(def)
                    .map(text -> CompletableFuture.completedFuture(List.of(Outcome.newBuilder()
                            .setCode(SrcCode.SRC_CODE_FEXE).addArgs(def.subsysname()).setText(text)
                            .setSubsystem(def.subsysname()).build())))
                    .orElseGet(() -> loop.ask(new Command.Start(def, args, env))
                            .thenApply(list -> list.stream().map(o -> ProtoStatus.outcome(o, def.subsysname())).toList())));
        }
        List<Outcome> outcomes = answers.stream().flatMap(a -> a.join().stream()).toList();
        if (request.getWaitMs() > 0) {
            awaitSettled(defs, request.getWaitMs(), w -> w != StatusWord.STARTING);
        }
        return outcomes;
    }

    /** Longest {@code --wait}: a day. */
    static final long WAIT_MAX_MS = 86_400_000L;

    /**
     * What is wrong with a start's -a words, -e words or wait, if anything: no control
     * characters (they are saved and logged), -e words NAME=value. Values are not shown.
     */
    static java.util.Optional<String> startValues(List<String> args, List<String> env, long waitMs) {
        for (String a : args) {
            if (org.opensrc.srcmstr.registry.FieldLimits.text("a", a).isPresent()) {
                return java.util.Optional.of("-a: a word holds a control character");
            }
        }
        for (String e : env) {
            if (e.indexOf('=') <= 0 || org.opensrc.srcmstr.registry.FieldLimits.text("e", e).isPresent()) {
                return java.util.Optional.of("-e: every word must be NAME=value without control characters");
            }
        }
        return waitProblem(waitMs);
    }

    private static java.util.Optional<String> waitProblem(long waitMs) {
        if (waitMs < 0 || waitMs > WAIT_MAX_MS) {
            return java.util.Optional.of("--wait: " + waitMs + " ms is out of range 0.." + WAIT_MAX_MS);
        }
        return java.util.Optional.empty();
    }

    public List<Outcome> stop(StopRequest request) {
        StopKind kind = switch (request.getKind()) {
            case STOP_KIND_FORCED -> StopKind.FORCED;
            case STOP_KIND_CANCEL -> StopKind.CANCEL;
            case STOP_KIND_NORMAL, STOP_KIND_UNSPECIFIED, UNRECOGNIZED -> StopKind.NORMAL;
        };
        waitProblem(request.getWaitMs()).ifPresent(problem -> {
            throw SrcFailure.of(Status.Code.INVALID_ARGUMENT, SrcCode.SRC_CODE_PARM).withDetail(problem).toException();
        });
        Target target = request.getTarget();
        if (target.getKindCase() == Target.KindCase.PID) {
            var answer = loop.ask(new Command.Stop(new StopTarget.ByPid(target.getPid()), kind));
            return collect(List.of(), List.of(answer));
        }
        Registry reg = registry.get();
        List<SubsystemDef> defs = members(reg, target);
        List<InstanceView> running = loop.status(reg.subsystems(), StatusListing.Visibility.ALL).join().stream()
                .filter(v -> v.pid().isPresent()).toList();
        if (target.getKindCase() != Target.KindCase.SUBSYSTEM) {
            defs = defs.stream().filter(d -> running.stream().anyMatch(v -> v.name().equals(d.subsysname()))).toList();
            if (defs.isEmpty()) {
                return target.getKindCase() == Target.KindCase.ALL ? List.of()
                        : List.of(Outcome.newBuilder().setCode(SrcCode.SRC_CODE_SVND).addArgs(target.getGroup()).build());
            }
        }
        // one stop per subsystem; a multi-instance subsystem gets one per instance (AIX:
        // "stopsrc -s srctest" stops all instances of srctest)
        List<SubsystemDef> stopped = new ArrayList<>();
        List<CompletableFuture<List<org.opensrc.srcmstr.supervise.Outcome>>> answers = new ArrayList<>();
        for (SubsystemDef def : defs) {
            List<Long> pids = running.stream().filter(v -> v.name().equals(def.subsysname()))
                    .map(v -> v.pid().getAsLong()).toList();
            if (pids.size() > 1) {
                for (long pid : pids) {
                    stopped.add(def);
                    answers.add(loop.ask(new Command.Stop(new StopTarget.ByPid(pid), kind)));
                }
            } else {
                stopped.add(def);
                answers.add(loop.ask(new Command.Stop(new StopTarget.BySubsystem(def.subsysname()), kind)));
            }
        }
        List<Outcome> outcomes = collect(stopped, answers);
        if (request.getWaitMs() > 0) {
            awaitSettled(defs, request.getWaitMs(), w -> w == StatusWord.INOPERATIVE);
        }
        return outcomes;
    }

    public List<SubsystemStatus> status(StatusRequest request) {
        Registry reg = registry.get();
        Target target = request.getTarget();
        StatusListing.Visibility visibility = switch (target.getKindCase()) {
            case ALL, GROUP -> StatusListing.Visibility.DISPLAYED_ONLY;
            case SUBSYSTEM, PID, KIND_NOT_SET -> StatusListing.Visibility.ALL;
        };
        List<InstanceView> views = loop.status(reg.subsystems(), visibility).join();
        List<InstanceView> chosen = switch (target.getKindCase()) {
            case ALL -> views;
            case GROUP -> {
                members(reg, target);
                yield views.stream().filter(v -> v.group().equals(target.getGroup())).toList();
            }
            case SUBSYSTEM -> {
                String name = members(reg, target).getFirst().subsysname();
                yield views.stream().filter(v -> v.name().equals(name)).toList();
            }
            case PID -> {
                List<InstanceView> match = views.stream()
                        .filter(v -> v.pid().isPresent() && v.pid().getAsLong() == target.getPid()).toList();
                if (match.isEmpty()) {
                    throw SrcFailure.of(Status.Code.NOT_FOUND, SrcCode.SRC_CODE_SVND, Integer.toString(target.getPid())).toException();
                }
                yield match;
            }
            case KIND_NOT_SET -> throw SrcFailure.of(Status.Code.INVALID_ARGUMENT, SrcCode.SRC_CODE_PARM).toException();
        };
        List<org.opensrc.libsrc.posix.ProcInfo> processes =
                request.getWithProcesses() && chosen.stream().anyMatch(v -> v.pid().isPresent()) ? table.all() : List.of();
        return chosen.stream().map(v -> ProtoStatus.of(v, processes)).toList();
    }

    /** The running instance's pid of a subsystem, when exactly one runs (031 when several). */
    public Optional<Long> onePid(String subsysname, int requestedPid) {
        List<InstanceView> views = loop.status(registry.get().subsystems(), StatusListing.Visibility.ALL).join()
                .stream().filter(v -> v.name().equals(subsysname) && v.pid().isPresent()).toList();
        if (requestedPid > 0) {
            return views.stream().map(v -> v.pid().getAsLong()).filter(p -> p == requestedPid).findFirst();
        }
        if (views.size() > 1) {
            throw SrcFailure.of(Status.Code.FAILED_PRECONDITION, SrcCode.SRC_CODE_WICH).toException();
        }
        return views.stream().map(v -> v.pid().getAsLong()).findFirst();
    }

    private static List<Outcome> collect(List<SubsystemDef> defs,
            List<CompletableFuture<List<org.opensrc.srcmstr.supervise.Outcome>>> answers) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            String name = i < defs.size() ? defs.get(i).subsysname() : "";
            answers.get(i).join().forEach(o -> outcomes.add(ProtoStatus.outcome(o, name)));
        }
        return outcomes;
    }

    private void awaitSettled(List<SubsystemDef> defs, long waitMs, java.util.function.Predicate<StatusWord> settled) {
        long deadline = System.nanoTime() + waitMs * 1_000_000L;
        List<String> names = defs.stream().map(SubsystemDef::subsysname).toList();
        while (System.nanoTime() < deadline) {
            boolean done = loop.status(registry.get().subsystems(), StatusListing.Visibility.ALL).join().stream()
                    .filter(v -> names.contains(v.name())).allMatch(v -> settled.test(v.status()));
            if (done) {
                return;
            }
            try {
                Thread.sleep(WAIT_STEP);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
