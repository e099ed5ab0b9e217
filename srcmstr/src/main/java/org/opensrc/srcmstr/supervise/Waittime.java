package org.opensrc.srcmstr.supervise;

import org.opensrc.srcmstr.registry.SubsystemDef;

/** The definition's {@code waittime} as milliseconds; AIX treats 0 as 1 second. */
final class Waittime {

    private Waittime() {}

    static long millis(SubsystemDef def) {
        return Math.max(1, def.waittime()) * 1000L;
    }
}
