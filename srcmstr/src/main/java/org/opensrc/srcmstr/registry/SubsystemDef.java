package org.opensrc.srcmstr.registry;

import org.opensrc.libsrc.signal.Signal;
import org.opensrc.libsrc.signal.Signals;

import java.util.Objects;

/**
 * One {@code SRCsubsys} object: the twenty AIX fields in ODM order, plus the opt-in {@link Extensions} beyond AIX.
 * Signals are stored by their Linux name ("SIGTERM"); an empty string means none (AIX 0); any other spelling is
 * refused. The limits of the definition commands (lengths, priority range, …) are rules checked by the operations, not
 * invariants: this record only refuses missing values.
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

    public SubsystemDef {
        Objects.requireNonNull(subsysname, "subsysname");
        Objects.requireNonNull(synonym, "synonym");
        Objects.requireNonNull(cmdargs, "cmdargs");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(standin, "standin");
        Objects.requireNonNull(standout, "standout");
        Objects.requireNonNull(standerr, "standerr");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(signorm, "signorm");
        Objects.requireNonNull(sigforce, "sigforce");
        Objects.requireNonNull(grpname, "grpname");
        Objects.requireNonNull(extensions, "extensions");
        requireSignalName(signorm, "signorm");
        requireSignalName(sigforce, "sigforce");
    }

    private static void requireSignalName(String value, String field) {
        if (!value.isEmpty() && !Signals.parse(value).map(Signal::name).orElse("").equals(value)) {
            throw new IllegalArgumentException(field + ": not a Linux signal name: " + value);
        }
    }

    /** {@code -R} / {@code -O}. */
    public enum Action {
        RESPAWN,
        ONCE
    }

    /** {@code -I} / {@code -S} / {@code -K}. */
    public enum Contact {
        IPC,
        SIGNAL,
        SOCKET
    }

    /** True when {@code name} is this subsystem's name or its (non-empty) synonym. */
    public boolean answersTo(String name) {
        return subsysname.equals(name) || (!synonym.isEmpty() && synonym.equals(name));
    }

    /** Behaviour beyond AIX; every default keeps the AIX behaviour. */
    public record Extensions(
            boolean backoff, long backoffInitialMs, long backoffMaxMs, boolean killEscalation, boolean readiness) {

        public static final Extensions NONE = new Extensions(false, 0, 0, false, false);
    }
}
