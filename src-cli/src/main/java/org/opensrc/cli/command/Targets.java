package org.opensrc.cli.command;

import org.opensrc.proto.v1.Subserver;
import org.opensrc.proto.v1.Target;

/** Builds the wire form of the -s / -g / -a / -p and -t / -o / -P / -p flags. */
public final class Targets {

    private Targets() {}

    public static Target subsystem(String name) {
        return Target.newBuilder().setSubsystem(name).build();
    }

    public static Target group(String name) {
        return Target.newBuilder().setGroup(name).build();
    }

    public static Target all() {
        return Target.newBuilder().setAll(true).build();
    }

    public static Target pid(int pid) {
        return Target.newBuilder().setPid(pid).build();
    }

    /** The one target among the flags given; callers check that exactly one was given. */
    public static Target of(String subsystem, String group, boolean all, Integer pid) {
        if (subsystem != null) {
            return subsystem(subsystem);
        }
        if (group != null) {
            return group(group);
        }
        if (all) {
            return all();
        }
        return pid(pid);
    }

    public static int count(Object... flags) {
        int n = 0;
        for (Object flag : flags) {
            if (flag instanceof Boolean b ? b : flag != null) {
                n++;
            }
        }
        return n;
    }

    public static Subserver subserver(String type, String object, Integer subserverPid, Integer subsystemPid) {
        var b = Subserver.newBuilder().setType(type);
        if (object != null) {
            b.setObject(object);
        }
        if (subserverPid != null) {
            b.setSubserverPid(subserverPid);
        }
        if (subsystemPid != null) {
            b.setSubsystemPid(subsystemPid);
        }
        return b.build();
    }
}
