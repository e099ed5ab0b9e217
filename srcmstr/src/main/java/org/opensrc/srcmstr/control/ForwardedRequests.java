package org.opensrc.srcmstr.control;

import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.opensrc.libsrc.SrcFailure;
import org.opensrc.proto.v1.LongStatusReply;
import org.opensrc.proto.v1.LongStatusRequest;
import org.opensrc.proto.v1.Outcome;
import org.opensrc.proto.v1.RefreshCommand;
import org.opensrc.proto.v1.RefreshRequest;
import org.opensrc.proto.v1.RequestReply;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.proto.v1.StartRequest;
import org.opensrc.proto.v1.StatusCommand;
import org.opensrc.proto.v1.StatusRequest;
import org.opensrc.proto.v1.Subserver;
import org.opensrc.proto.v1.SubserverAction;
import org.opensrc.proto.v1.SubserverCommand;
import org.opensrc.proto.v1.SubserverStartRequest;
import org.opensrc.proto.v1.SubserverStatusReply;
import org.opensrc.proto.v1.SubserverStatusRequest;
import org.opensrc.proto.v1.SubserverStopRequest;
import org.opensrc.proto.v1.SubsystemReply;
import org.opensrc.proto.v1.SubsystemRequest;
import org.opensrc.proto.v1.Target;
import org.opensrc.proto.v1.TraceCommand;
import org.opensrc.proto.v1.TraceRequest;
import org.opensrc.srcmstr.registry.Registry;
import org.opensrc.srcmstr.registry.SubserverDef;
import org.opensrc.srcmstr.registry.SubsystemDef;
import org.opensrc.srcmstr.subsys.SubsystemHub;
import org.opensrc.srcmstr.subsys.SubsystemRequestException;
import org.opensrc.srcmstr.subsys.SubsystemTimeoutException;

/**
 * Requests srcmstr passes on to a socket subsystem over the subsystem API: long status,
 * refresh, trace and subserver requests. Signal subsystems answer 0513-005, inactive ones
 * 0513-036, a daemon that does not answer within the reply timeout 0513-056.
 */
public final class ForwardedRequests {

    private static final Duration ATTACH_STEP = Duration.ofMillis(20);

    private final SupervisionRequests supervision;
    private final Supplier<Registry> registry;
    private final SubsystemHub hub;
    private final Duration timeout;

    public ForwardedRequests(SupervisionRequests supervision, Supplier<Registry> registry, SubsystemHub hub, Duration timeout) {
        this.supervision = supervision;
        this.registry = registry;
        this.hub = hub;
        this.timeout = timeout;
    }

    LongStatusReply longStatus(LongStatusRequest request) {
        Target target = request.getTarget();
        SubsystemDef def = target.getKindCase() == Target.KindCase.PID
                ? byPid(target.getPid())
                : supervision.members(registry.get(), target).getFirst();
        requireSocket(def);
        long pid = runningPid(def, target.getKindCase() == Target.KindCase.PID ? target.getPid() : 0);
        SubsystemReply reply = send(def, pid, SubsystemRequest.newBuilder()
                .setStatus(StatusCommand.newBuilder().setLong(true)).build());
        var status = supervision.status(StatusRequest.newBuilder().setTarget(Target.newBuilder().setPid((int) pid)).build());
        var out = LongStatusReply.newBuilder().addAllRows(reply.getRowsList());
        status.stream().findFirst().ifPresent(out::setSubsystem);
        if (!isOk(reply.getOutcome())) {
            out.addOutcomes(named(reply.getOutcome(), def));
        }
        return out.build();
    }

    RequestReply refresh(RefreshRequest request) {
        return perMember(request.getTarget(), def -> {
            SubsystemReply reply = send(def, runningPid(def, pidOf(request.getTarget())),
                    SubsystemRequest.newBuilder().setRefresh(RefreshCommand.getDefaultInstance()).build());
            return isOk(reply.getOutcome()) ? outcome(SrcCode.SRC_CODE_REFOK, def) : named(reply.getOutcome(), def);
        });
    }

    RequestReply trace(TraceRequest request) {
        SrcCode ok = request.getOn() ? SrcCode.SRC_CODE_TRACONOK : SrcCode.SRC_CODE_TRACOFFOK;
        SrcCode failed = request.getOn() ? SrcCode.SRC_CODE_TRACONFAIL : SrcCode.SRC_CODE_TRACOFFFAIL;
        if (request.hasSubserver()) {
            Subserver s = request.getSubserver();
            SubserverDef sub = subserver(s.getType());
            SubsystemDef def = owner(sub);
            long pid = runningPid(def, s.getSubsystemPid());
            SubsystemReply reply = send(def, pid, SubsystemRequest.newBuilder().setSubserver(command(sub, s)
                    .setAction(SubserverAction.SUBSERVER_ACTION_TRACE).setOn(request.getOn()).setLong(request.getLong())).build());
            return RequestReply.newBuilder().addOutcomes(isOk(reply.getOutcome()) ? outcome(ok, def) : outcome(failed, def)).build();
        }
        return perMember(request.getTarget(), def -> {
            SubsystemReply reply = send(def, runningPid(def, pidOf(request.getTarget())), SubsystemRequest.newBuilder()
                    .setTrace(TraceCommand.newBuilder().setOn(request.getOn()).setLong(request.getLong())).build());
            return isOk(reply.getOutcome()) ? outcome(ok, def) : named(reply.getOutcome(), def);
        });
    }

    RequestReply startSubserver(SubserverStartRequest request) {
        Subserver s = request.getSubserver();
        SubserverDef sub = subserver(s.getType());
        SubsystemDef def = owner(sub);
        var out = RequestReply.newBuilder();
        Optional<Long> running = supervision.onePid(def.subsysname(), s.getSubsystemPid());
        long pid;
        if (running.isEmpty()) {
            List<Outcome> started = supervision.start(StartRequest.newBuilder()
                    .setTarget(Target.newBuilder().setSubsystem(def.subsysname())).build());
            out.addAllOutcomes(started);
            if (started.stream().noneMatch(o -> o.getCode() == SrcCode.SRC_CODE_STRTOK)) {
                return out.build();
            }
            pid = Long.parseLong(started.getFirst().getArgs(1));
            awaitAttached(pid);
        } else {
            pid = running.get();
        }
        SubsystemReply reply = send(def, pid, SubsystemRequest.newBuilder()
                .setSubserver(command(sub, s).setAction(SubserverAction.SUBSERVER_ACTION_START)).build());
        out.addOutcomes(isOk(reply.getOutcome())
                ? Outcome.newBuilder().setCode(SrcCode.SRC_CODE_STRTSVROK).addArgs(sub.subType()).setSubsystem(def.subsysname()).build()
                : named(reply.getOutcome(), def));
        return out.build();
    }

    RequestReply stopSubserver(SubserverStopRequest request) {
        Subserver s = request.getSubserver();
        SubserverDef sub = subserver(s.getType());
        SubsystemDef def = owner(sub);
        long pid = runningPid(def, s.getSubsystemPid());
        SubsystemReply reply = send(def, pid, SubsystemRequest.newBuilder().setSubserver(command(sub, s)
                .setAction(SubserverAction.SUBSERVER_ACTION_STOP).setForced(request.getForced())).build());
        return RequestReply.newBuilder().addOutcomes(isOk(reply.getOutcome())
                ? Outcome.newBuilder().setCode(SrcCode.SRC_CODE_STOPSVROK).addArgs(sub.subType()).setSubsystem(def.subsysname()).build()
                : named(reply.getOutcome(), def)).build();
    }

    SubserverStatusReply subserverStatus(SubserverStatusRequest request) {
        Subserver s = request.getSubserver();
        SubserverDef sub = subserver(s.getType());
        SubsystemDef def = owner(sub);
        long pid = runningPid(def, s.getSubsystemPid());
        SubsystemReply reply = send(def, pid, SubsystemRequest.newBuilder().setSubserver(command(sub, s)
                .setAction(SubserverAction.SUBSERVER_ACTION_STATUS).setLong(request.getLong())).build());
        var out = SubserverStatusReply.newBuilder().addAllRows(reply.getRowsList());
        if (!isOk(reply.getOutcome())) {
            out.addOutcomes(named(reply.getOutcome(), def));
        }
        return out.build();
    }

    // --- helpers --------------------------------------------------------------------

    private interface MemberRequest {
        Outcome apply(SubsystemDef def);
    }

    /** One outcome per member of a -s / -g / -p target; per-member failures stay outcomes. */
    private RequestReply perMember(Target target, MemberRequest work) {
        List<SubsystemDef> defs = target.getKindCase() == Target.KindCase.PID
                ? List.of(byPid(target.getPid()))
                : supervision.members(registry.get(), target);
        List<Outcome> outcomes = new ArrayList<>();
        for (SubsystemDef def : defs) {
            try {
                requireSocket(def);
                outcomes.add(work.apply(def));
            } catch (io.grpc.StatusRuntimeException e) {
                if (defs.size() == 1) {
                    throw e;
                }
                SrcFailure.from(e).ifPresentOrElse(
                        f -> outcomes.add(Outcome.newBuilder().setCode(f.code()).addAllArgs(f.args()).setSubsystem(def.subsysname()).build()),
                        () -> {
                            throw e;
                        });
            }
        }
        return RequestReply.newBuilder().addAllOutcomes(outcomes).build();
    }

    private static int pidOf(Target target) {
        return target.getKindCase() == Target.KindCase.PID ? target.getPid() : 0;
    }

    private SubsystemDef byPid(int pid) {
        return supervision.status(StatusRequest.newBuilder().setTarget(Target.newBuilder().setPid(pid)).build())
                .stream().findFirst()
                .flatMap(s -> registry.get().subsystem(s.getSubsysname()))
                .orElseThrow(() -> SrcFailure.of(Status.Code.NOT_FOUND, SrcCode.SRC_CODE_SVND, Integer.toString(pid)).toException());
    }

    private SubserverDef subserver(String type) {
        return registry.get().subserver(type).orElseThrow(() ->
                SrcFailure.of(Status.Code.NOT_FOUND, SrcCode.SRC_CODE_TYPE, type).toException());
    }

    private SubsystemDef owner(SubserverDef sub) {
        SubsystemDef def = registry.get().subsystem(sub.subsysname()).orElseThrow(() ->
                SrcFailure.of(Status.Code.NOT_FOUND, SrcCode.SRC_CODE_SUBSYS, sub.subsysname()).toException());
        requireSocket(def);
        return def;
    }

    private static SubserverCommand.Builder command(SubserverDef sub, Subserver s) {
        return SubserverCommand.newBuilder().setType(sub.subType()).setCodePoint(sub.subCode())
                .setObject(s.getObject()).setSubserverPid(s.getSubserverPid());
    }

    private static void requireSocket(SubsystemDef def) {
        if (def.contact() == SubsystemDef.Contact.SIGNAL) {
            throw SrcFailure.of(Status.Code.FAILED_PRECONDITION, SrcCode.SRC_CODE_CONT, def.subsysname()).toException();
        }
    }

    private long runningPid(SubsystemDef def, int requestedPid) {
        return supervision.onePid(def.subsysname(), requestedPid).orElseThrow(() ->
                SrcFailure.of(Status.Code.FAILED_PRECONDITION, SrcCode.SRC_CODE_NSVR, def.subsysname()).toException());
    }

    private void awaitAttached(long pid) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!hub.isAttached((int) pid) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(ATTACH_STEP);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private SubsystemReply send(SubsystemDef def, long pid, SubsystemRequest request) {
        try {
            return hub.send((int) pid, request, timeout).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SubsystemRequestException failed) {
                Status.Code grpc = failed instanceof SubsystemTimeoutException ? Status.Code.DEADLINE_EXCEEDED : Status.Code.UNAVAILABLE;
                throw SrcFailure.of(grpc, failed.srcCode(), def.subsysname()).toException();
            }
            throw e;
        }
    }

    private static boolean isOk(Outcome o) {
        return o.getCode() == SrcCode.SRC_CODE_UNSPECIFIED;
    }

    private static Outcome named(Outcome o, SubsystemDef def) {
        var b = o.toBuilder().setSubsystem(def.subsysname());
        if (b.getArgsCount() == 0 && o.getCode() != SrcCode.SRC_CODE_SUBMSG) {
            b.addArgs(def.subsysname());
        }
        return b.build();
    }

    private static Outcome outcome(SrcCode code, SubsystemDef def) {
        return Outcome.newBuilder().setCode(code).setSubsystem(def.subsysname()).build();
    }
}
