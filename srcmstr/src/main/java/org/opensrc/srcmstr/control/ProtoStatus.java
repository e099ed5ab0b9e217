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

    /** @param processes one /proc snapshot ({@link ProcessTable#all()}) for the whole listing */
    static SubsystemStatus of(InstanceView v, java.util.List<ProcInfo> processes) {
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
            int p = Math.toIntExact(pid);
            int sid = processes.stream().filter(x -> x.pid() == p).map(ProcInfo::sid).findFirst().orElse(0);
            ProcessTable.treeOf(processes, p, sid, true).forEach(x -> b.addTreePids(x.pid()));
        });
        v.since().ifPresent(b::setSinceEpochMs);
        v.nextRetry().ifPresent(b::setNextRetryEpochMs);
        return b.build();
    }

    static Outcome outcome(org.opensrc.srcmstr.supervise.Outcome o, String subsystem) {
        return Outcome.newBuilder().setCode(o.code()).addAllArgs(o.args()).setText(o.detail()).setSubsystem(subsystem).build();
    }
}
