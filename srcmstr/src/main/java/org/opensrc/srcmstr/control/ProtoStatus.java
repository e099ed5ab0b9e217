package org.opensrc.srcmstr.control;

import org.opensrc.libsrc.posix.ProcInfo;
import org.opensrc.libsrc.posix.ProcessTable;
import org.opensrc.proto.v1.Outcome;
import org.opensrc.proto.v1.Status;
import org.opensrc.proto.v1.SubsystemStatus;
import org.opensrc.srcmstr.supervise.InstanceView;

/** Supervision values in their wire form. */
final class ProtoStatus {

    private ProtoStatus() {}

    static SubsystemStatus of(InstanceView v, ProcessTable table) {
        var b = SubsystemStatus.newBuilder()
                .setSubsysname(v.name())
                .setGrpname(v.group())
                .setStatus(switch (v.status()) {
                    case ACTIVE -> Status.STATUS_ACTIVE;
                    case STOPPING -> Status.STATUS_STOPPING;
                    case WARNED_TO_STOP -> Status.STATUS_WARNED_TO_STOP;
                    case STARTING -> Status.STATUS_STARTING;
                    case INOPERATIVE -> Status.STATUS_INOPERATIVE;
                })
                .setDisplay(v.display())
                .setRestarts(v.restarts())
                .setLastExit(v.lastExit());
        v.pid().ifPresent(pid -> {
            b.setPid(Math.toIntExact(pid));
            int sid = table.read(Math.toIntExact(pid)).map(ProcInfo::sid).orElse(0);
            table.tree(Math.toIntExact(pid), sid, true).forEach(p -> b.addTreePids(p.pid()));
        });
        v.since().ifPresent(b::setSinceEpochMs);
        v.nextRetry().ifPresent(b::setNextRetryEpochMs);
        return b.build();
    }

    static Outcome outcome(org.opensrc.srcmstr.supervise.Outcome o, String subsystem) {
        return Outcome.newBuilder().setCode(o.code()).addAllArgs(o.args()).setSubsystem(subsystem).build();
    }
}
