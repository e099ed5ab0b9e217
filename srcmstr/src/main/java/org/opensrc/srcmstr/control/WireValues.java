package org.opensrc.srcmstr.control;

import io.grpc.Status.Code;
import io.grpc.StatusRuntimeException;

import org.opensrc.libsrc.SrcFailure;
import org.opensrc.proto.v1.Outcome;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.proto.v1.Status;
import org.opensrc.proto.v1.StopKind;
import org.opensrc.proto.v1.Subserver;
import org.opensrc.proto.v1.SubsystemStatus;
import org.opensrc.proto.v1.Target;
import org.opensrc.srcmstr.requests.Answer;
import org.opensrc.srcmstr.requests.Refused;
import org.opensrc.srcmstr.requests.Scope;
import org.opensrc.srcmstr.requests.StatusLine;
import org.opensrc.srcmstr.requests.SubserverRef;
import org.opensrc.srcmstr.supervise.InstanceView;
import org.opensrc.srcmstr.supervise.StatusWord;
import org.opensrc.srcmstr.supervise.StopType;

import java.util.List;

/** The Control service's values in their wire form and back: the one place they are mapped. */
final class WireValues {

    private WireValues() {}

    static Scope scope(Target target) {
        return switch (target.getKindCase()) {
            case SUBSYSTEM -> new Scope.Subsystem(target.getSubsystem());
            case GROUP -> new Scope.Group(target.getGroup());
            case ALL -> new Scope.All();
            case PID -> new Scope.Pid(target.getPid());
            case KIND_NOT_SET -> throw SrcFailure.of(Code.INVALID_ARGUMENT, SrcCode.SRC_CODE_PARM).toException();
        };
    }

    static StopType stopType(StopKind kind) {
        return switch (kind) {
            case STOP_KIND_FORCED -> StopType.FORCED;
            case STOP_KIND_CANCEL -> StopType.CANCEL;
            case STOP_KIND_NORMAL, STOP_KIND_UNSPECIFIED, UNRECOGNIZED -> StopType.NORMAL;
        };
    }

    static SubserverRef subserver(Subserver s) {
        return new SubserverRef(s.getType(), s.getObject(), s.getSubserverPid(), s.getSubsystemPid());
    }

    static List<Outcome> outcomes(List<Answer> answers) {
        return answers.stream().map(WireValues::outcome).toList();
    }

    static Outcome outcome(Answer a) {
        return Outcome.newBuilder()
                .setCode(a.code())
                .addAllArgs(a.message().args())
                .setText(a.message().detail())
                .setSubsystem(a.subsystem())
                .build();
    }

    static SubsystemStatus status(StatusLine line) {
        InstanceView v = line.view();
        var b =
                SubsystemStatus.newBuilder()
                        .setSubsysname(v.name())
                        .setGrpname(v.group())
                        .setStatus(status(v.status()))
                        .setDisplay(v.display())
                        .setRestarts(v.restarts())
                        .setLastExit(v.lastExit())
                        .addAllTreePids(line.tree());
        v.pid().ifPresent(pid -> b.setPid(Math.toIntExact(pid)));
        v.since().ifPresent(b::setSinceEpochMs);
        v.nextRetry().ifPresent(b::setNextRetryEpochMs);
        return b.build();
    }

    static Status status(StatusWord word) {
        return switch (word) {
            case ACTIVE -> Status.STATUS_ACTIVE;
            case STOPPING -> Status.STATUS_STOPPING;
            case WARNED_TO_STOP -> Status.STATUS_WARNED_TO_STOP;
            case STARTING -> Status.STATUS_STARTING;
            case INOPERATIVE -> Status.STATUS_INOPERATIVE;
        };
    }

    /** A refusal as the gRPC status the clients read (the AIX message rides in the trailers). */
    static StatusRuntimeException failure(Refused refused) {
        Code code =
                switch (refused.why()) {
                    case INVALID -> Code.INVALID_ARGUMENT;
                    case NOT_FOUND -> Code.NOT_FOUND;
                    case PRECONDITION -> Code.FAILED_PRECONDITION;
                    case TIMEOUT -> Code.DEADLINE_EXCEEDED;
                    case UNREACHABLE -> Code.UNAVAILABLE;
                    case INTERNAL -> Code.INTERNAL;
                };
        var m = refused.message();
        return SrcFailure.of(code, m.code(), m.args().toArray(String[]::new)).withDetail(m.detail()).toException();
    }
}
