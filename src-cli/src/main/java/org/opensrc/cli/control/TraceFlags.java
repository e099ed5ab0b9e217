package org.opensrc.cli.control;

import org.opensrc.cli.command.Flags;
import org.opensrc.cli.command.SrcCommand.UsageException;
import org.opensrc.cli.command.Targets;
import org.opensrc.proto.v1.TraceRequest;

/**
 * What {@code traceson} and {@code tracesoff} share: the same targets (a subsystem, or a subserver with {@code -t}),
 * the same rules for combining them, and the request that turns tracing on or off.
 */
final class TraceFlags {

    final TargetFlags target = new TargetFlags();

    String type;

    String object;

    Integer subserverPid;

    /** Declares these flags on a command's table. */
    void declare(Flags flags) {
        target.declare(flags);
        flags.text("-t", v -> type = v);
        flags.text("-o", v -> object = v);
        flags.number("-P", v -> subserverPid = v);
    }

    /**
     * Throws {@link UsageException} unless the flags name one subsystem target or one subserver; with {@code
     * objectOrSubserverPid}, a subserver must be named by exactly one of {@code -o} and {@code -P} (AIX 7.2 tracesoff:
     * {@code -t Type [-p SubsystemPID] {-o Object | -P SubserverPID}}).
     */
    void validate(boolean objectOrSubserverPid) {
        if (type != null) {
            if (target.group != null || target.subsystem != null) {
                throw new UsageException(null);
            }
            if (objectOrSubserverPid && (object == null) == (subserverPid == null)) {
                throw new UsageException(null);
            }
            return;
        }
        if (object != null || subserverPid != null || Targets.count(target.group, target.pid, target.subsystem) != 1) {
            throw new UsageException(null);
        }
    }

    TraceRequest request(boolean on, boolean longTrace) {
        var request = TraceRequest.newBuilder().setOn(on).setLong(longTrace);
        if (type != null) {
            request.setSubserver(Targets.subserver(type, object, subserverPid, target.pid));
        } else {
            request.setTarget(Targets.of(target.subsystem, target.group, false, target.pid));
        }
        return request.build();
    }
}
