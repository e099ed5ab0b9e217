package org.opensrc.srcmstr.registry;

/**
 * One {@code SRCsubsys} object: the twenty AIX fields in ODM order, plus the opt-in
 * {@link Extensions} beyond AIX. Signals are stored by name ("SIGTERM"); an empty
 * string means none (AIX 0).
 */
public record SubsystemDef(
        String subsysname,
        String synonym,
        String cmdargs,
        String path,
        long uid,
        long auditid,
        String standin,
        String standout,
        String standerr,
        Action action,
        boolean multi,
        Contact contact,
        long svrkey,
        long svrmtype,
        int priority,
        String signorm,
        String sigforce,
        boolean display,
        int waittime,
        String grpname,
        Extensions extensions) {

    public enum Action { RESPAWN, ONCE }

    public enum Contact { IPC, SIGNAL, SOCKET }

    /** Behaviour beyond AIX; every default keeps the AIX behaviour. */
    public record Extensions(
            boolean backoff,
            long backoffInitialMs,
            long backoffMaxMs,
            boolean killEscalation,
            boolean readiness) {

        public static final Extensions NONE = new Extensions(false, 0, 0, false, false);
    }
}
