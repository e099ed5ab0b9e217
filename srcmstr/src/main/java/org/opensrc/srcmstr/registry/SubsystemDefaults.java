package org.opensrc.srcmstr.registry;

/** The definition {@code mkssys -p Path -s Name -u Uid} makes when no other flag is given. */
public final class SubsystemDefaults {

    /** Where stdio goes by default (srcmstr sends it to the subsystem's log on Linux). */
    public static final String CONSOLE = "/dev/console";

    public static final int PRIORITY = 20;
    public static final int WAITTIME = 20;

    private SubsystemDefaults() {}

    /** AIX defaults: -i/-o/-e /dev/console, -O, -Q, -K, -E 20, -d, -w 20, no signals. */
    public static SubsystemDef of(String subsysname, String path, long uid, long auditid) {
        return new SubsystemDef(
                subsysname,
                "",
                "",
                path,
                uid,
                auditid,
                CONSOLE,
                CONSOLE,
                CONSOLE,
                SubsystemDef.Action.ONCE,
                false,
                SubsystemDef.Contact.SOCKET,
                0,
                0,
                PRIORITY,
                "",
                "",
                true,
                WAITTIME,
                "",
                SubsystemDef.Extensions.NONE);
    }
}
