package org.opensrc.srcmstr.requests;

import org.opensrc.proto.v1.SrcCode;
import org.opensrc.srcmstr.registry.Registry;
import org.opensrc.srcmstr.registry.SubserverDef;
import org.opensrc.srcmstr.registry.SubsystemDef;
import org.opensrc.srcmstr.supervise.SrcMessage;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Requests srcmstr passes on to a socket subsystem over the subsystem API: long status, refresh, trace and subserver
 * requests. Signal subsystems answer 0513-005, inactive ones 0513-036. A running one gets the request once it is
 * attached to the subsystem API; one that does not attach, or does not answer, within the reply timeout (counted once,
 * from the request's arrival) answers 0513-056, as AIX's client does after REPLYLIMIT. A running subsystem that is not
 * SRC-aware therefore answers 0513-056, never 0513-036. The caller's thread waits (on the loop's event-driven wait and
 * then on the daemon's reply future); nothing else does, and the members of a group are asked side by side, so a group
 * request also ends within one reply timeout.
 *
 * @param <R> the daemons' status packet, passed on unread
 */
public final class ForwardedRequests<R> {

    /** Long status: the daemon's packet, the subsystem's own status line, and any refusal. */
    public record LongStatus<R>(R rows, Optional<StatusLine> subsystem, List<Answer> answers) {}

    /** A subserver's status: the daemon's packet and any refusal. */
    public record SubserverStatus<R>(R rows, List<Answer> answers) {}

    private final SupervisionRequests supervision;
    private final Supplier<Registry> registry;
    private final Daemons<R> daemons;
    private final Duration timeout;
    private final InstantSource clock;

    /**
     * @param timeout the reply timeout ({@code reply.timeout.seconds})
     * @param clock the supervision loop's clock, which also times the wait for an attach
     */
    public ForwardedRequests(
            SupervisionRequests supervision,
            Supplier<Registry> registry,
            Daemons<R> daemons,
            Duration timeout,
            InstantSource clock) {
        this.supervision = supervision;
        this.registry = registry;
        this.daemons = daemons;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** lssrc -l. */
    public LongStatus<R> longStatus(Scope scope) {
        SubsystemDef def =
                scope instanceof Scope.Pid p ? byPid(p.pid()) : supervision.members(registry.get(), scope).getFirst();
        requireSocket(def);
        long pid = runningPid(def, scope.pidOrZero());
        DaemonReply<R> reply = send(def, pid, new DaemonRequest.Status(true));
        Optional<StatusLine> line = supervision.status(new Scope.Pid((int) pid), false).stream().findFirst();
        return new LongStatus<>(reply.rows(), line, reply.refusal().map(m -> List.of(named(m, def))).orElse(List.of()));
    }

    /** refresh: one answer per member. */
    public List<Answer> refresh(Scope scope) {
        return perMember(
                scope,
                def -> {
                    DaemonReply<R> reply = send(def, runningPid(def, scope.pidOrZero()), new DaemonRequest.Refresh());
                    return reply.ok()
                            ? Answer.of(def.subsysname(), SrcCode.SRC_CODE_REFOK)
                            : named(reply.refusal().get(), def);
                });
    }

    /** traceson / tracesoff of subsystems: one answer per member. */
    public List<Answer> trace(Scope scope, boolean on, boolean longForm) {
        SrcCode ok = on ? SrcCode.SRC_CODE_TRACONOK : SrcCode.SRC_CODE_TRACOFFOK;
        return perMember(
                scope,
                def -> {
                    DaemonReply<R> reply =
                            send(def, runningPid(def, scope.pidOrZero()), new DaemonRequest.Trace(on, longForm));
                    return reply.ok() ? Answer.of(def.subsysname(), ok) : named(reply.refusal().get(), def);
                });
    }

    /** traceson -t / tracesoff -t. */
    public List<Answer> traceSubserver(SubserverRef ref, boolean on, boolean longForm) {
        SubserverDef sub = subserver(ref.type());
        SubsystemDef def = owner(sub);
        DaemonReply<R> reply =
                send(
                        def,
                        runningPid(def, ref.subsystemPid()),
                        command(sub, ref, DaemonRequest.Subserver.Action.TRACE, false, longForm, on));
        SrcCode code =
                on
                        ? reply.ok() ? SrcCode.SRC_CODE_TRACONOK : SrcCode.SRC_CODE_TRACONFAIL
                        : reply.ok() ? SrcCode.SRC_CODE_TRACOFFOK : SrcCode.SRC_CODE_TRACOFFFAIL;
        return List.of(Answer.of(def.subsysname(), code));
    }

    /** startsrc -t: starts the owning subsystem first when it is not running. */
    public List<Answer> startSubserver(SubserverRef ref) {
        SubserverDef sub = subserver(ref.type());
        SubsystemDef def = owner(sub);
        List<Answer> out = new ArrayList<>();
        Optional<Long> running = supervision.onePid(def.subsysname(), ref.subsystemPid());
        long pid;
        if (running.isEmpty()) {
            List<Answer> started = supervision.start(new Scope.Subsystem(def.subsysname()), "", "", 0);
            out.addAll(started);
            if (started.stream().noneMatch(a -> a.code() == SrcCode.SRC_CODE_STRTOK)) {
                return out;
            }
            Optional<Long> spawned = supervision.onePid(def.subsysname(), 0);
            if (spawned.isEmpty()) {
                throw SupervisionRequests.refused(Refused.Why.PRECONDITION, SrcCode.SRC_CODE_NSVR, def.subsysname());
            }
            pid = spawned.get();
        } else {
            pid = running.get();
        }
        DaemonReply<R> reply =
                send(def, pid, command(sub, ref, DaemonRequest.Subserver.Action.START, false, false, false));
        out.add(
                reply.ok()
                        ? Answer.of(def.subsysname(), SrcCode.SRC_CODE_STRTSVROK, sub.subType())
                        : named(reply.refusal().get(), def));
        return out;
    }

    /** stopsrc -t. */
    public List<Answer> stopSubserver(SubserverRef ref, boolean forced) {
        SubserverDef sub = subserver(ref.type());
        SubsystemDef def = owner(sub);
        DaemonReply<R> reply =
                send(
                        def,
                        runningPid(def, ref.subsystemPid()),
                        command(sub, ref, DaemonRequest.Subserver.Action.STOP, forced, false, false));
        return List.of(
                reply.ok()
                        ? Answer.of(def.subsysname(), SrcCode.SRC_CODE_STOPSVROK, sub.subType())
                        : named(reply.refusal().get(), def));
    }

    /** lssrc -t. */
    public SubserverStatus<R> subserverStatus(SubserverRef ref, boolean longForm) {
        SubserverDef sub = subserver(ref.type());
        SubsystemDef def = owner(sub);
        DaemonReply<R> reply =
                send(
                        def,
                        runningPid(def, ref.subsystemPid()),
                        command(sub, ref, DaemonRequest.Subserver.Action.STATUS, false, longForm, false));
        return new SubserverStatus<>(reply.rows(), reply.refusal().map(m -> List.of(named(m, def))).orElse(List.of()));
    }

    // --- helpers --------------------------------------------------------------------

    /**
     * One answer per member of a -s / -g / -p scope; with several members, refusals stay answers. Several members are
     * asked side by side (a virtual thread each), so one that does not answer does not hold up the others.
     */
    private List<Answer> perMember(Scope scope, Function<SubsystemDef, Answer> work) {
        List<SubsystemDef> defs =
                scope instanceof Scope.Pid p ? List.of(byPid(p.pid())) : supervision.members(registry.get(), scope);
        Function<SubsystemDef, Answer> checked =
                def -> {
                    requireSocket(def);
                    return work.apply(def);
                };
        if (defs.size() == 1) {
            return List.of(checked.apply(defs.getFirst()));
        }
        List<Future<Answer>> pending = new ArrayList<>();
        try (ExecutorService members = Executors.newVirtualThreadPerTaskExecutor()) {
            for (SubsystemDef def : defs) {
                pending.add(members.submit(() -> checked.apply(def)));
            }
        }
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < defs.size(); i++) {
            Future<Answer> member = pending.get(i);
            if (member.state() == Future.State.SUCCESS) {
                answers.add(member.resultNow());
            } else if (member.exceptionNow() instanceof Refused refused) {
                answers.add(
                        new Answer(
                                defs.get(i).subsysname(),
                                new SrcMessage(refused.message().code(), refused.message().args())));
            } else {
                throw new CompletionException(member.exceptionNow());
            }
        }
        return answers;
    }

    private SubsystemDef byPid(int pid) {
        return supervision.status(new Scope.Pid(pid), false).stream()
                .findFirst()
                .flatMap(line -> registry.get().subsystem(line.view().name()))
                .orElseThrow(
                        () ->
                                SupervisionRequests.refused(
                                        Refused.Why.NOT_FOUND, SrcCode.SRC_CODE_SVND, Integer.toString(pid)));
    }

    private SubserverDef subserver(String type) {
        return registry.get()
                .subserver(type)
                .orElseThrow(() -> SupervisionRequests.refused(Refused.Why.NOT_FOUND, SrcCode.SRC_CODE_TYPE, type));
    }

    private SubsystemDef owner(SubserverDef sub) {
        SubsystemDef def =
                registry.get()
                        .subsystem(sub.subsysname())
                        .orElseThrow(
                                () ->
                                        SupervisionRequests.refused(
                                                Refused.Why.NOT_FOUND, SrcCode.SRC_CODE_SUBSYS, sub.subsysname()));
        requireSocket(def);
        return def;
    }

    private static DaemonRequest.Subserver command(
            SubserverDef sub,
            SubserverRef ref,
            DaemonRequest.Subserver.Action action,
            boolean forced,
            boolean longForm,
            boolean on) {
        return new DaemonRequest.Subserver(
                action, sub.subType(), sub.subCode(), ref.object(), ref.subserverPid(), forced, longForm, on);
    }

    private static void requireSocket(SubsystemDef def) {
        if (def.contact() == SubsystemDef.Contact.SIGNAL) {
            throw SupervisionRequests.refused(Refused.Why.PRECONDITION, SrcCode.SRC_CODE_CONT, def.subsysname());
        }
    }

    private long runningPid(SubsystemDef def, int requestedPid) {
        return supervision
                .onePid(def.subsysname(), requestedPid)
                .orElseThrow(
                        () ->
                                SupervisionRequests.refused(
                                        Refused.Why.PRECONDITION, SrcCode.SRC_CODE_NSVR, def.subsysname()));
    }

    /**
     * Sends {@code request} to instance {@code pid} once it is attached; the wait for the attach and the wait for the
     * reply share one reply timeout.
     */
    private DaemonReply<R> send(SubsystemDef def, long pid, DaemonRequest request) {
        long deadline = clock.millis() + timeout.toMillis();
        switch (supervision.awaitAttach(pid, timeout.toMillis())) {
            case ATTACHED -> {}
            case ENDED ->
                    throw SupervisionRequests.refused(Refused.Why.UNREACHABLE, SrcCode.SRC_CODE_NSVR, def.subsysname());
            case NOT_IN_TIME -> throw noReply(def);
        }
        long left = deadline - clock.millis();
        if (left <= 0) {
            throw noReply(def);
        }
        try {
            return daemons.send(Math.toIntExact(pid), request, Duration.ofMillis(left)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Daemons.Unreachable failed) {
                throw SupervisionRequests.refused(
                        failed.timedOut() ? Refused.Why.TIMEOUT : Refused.Why.UNREACHABLE,
                        failed.code(),
                        def.subsysname());
            }
            throw e;
        }
    }

    private static Refused noReply(SubsystemDef def) {
        return SupervisionRequests.refused(Refused.Why.TIMEOUT, SrcCode.SRC_CODE_NORPLY, def.subsysname());
    }

    /** A daemon's refusal, about {@code def}: named, and with the subsystem as argument when it gave none. */
    private static Answer named(SrcMessage m, SubsystemDef def) {
        if (m.args().isEmpty() && m.code() != SrcCode.SRC_CODE_SUBMSG) {
            return new Answer(def.subsysname(), new SrcMessage(m.code(), List.of(def.subsysname()), m.detail()));
        }
        return new Answer(def.subsysname(), m);
    }
}
