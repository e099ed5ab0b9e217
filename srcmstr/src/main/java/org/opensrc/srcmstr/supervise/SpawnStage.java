package org.opensrc.srcmstr.supervise;

import org.opensrc.proto.v1.SrcCode;

/**
 * The step of a start that failed, with the AIX message it answers: the steps of libsrc's spawner ({@link #of}) and
 * those only srcmstr has (AUDIT, SOCKET, STATE, INTERNAL).
 */
public enum SpawnStage {
    USER(SrcCode.SRC_CODE_SUBSYSID),
    AUDIT(SrcCode.SRC_CODE_AUDITID),
    STDIN(SrcCode.SRC_CODE_INPT),
    STDOUT(SrcCode.SRC_CODE_OUT),
    STDERR(SrcCode.SRC_CODE_SERR),
    SOCKET(SrcCode.SRC_CODE_SUBSOCK),
    EXEC(SrcCode.SRC_CODE_FEXE),
    /** The state could not be made durable first: nothing was spawned that a crash could forget. */
    STATE(SrcCode.SRC_CODE_FEXE),
    /** Starting it failed inside srcmstr (a value it cannot use): this subsystem fails, supervision goes on. */
    INTERNAL(SrcCode.SRC_CODE_FEXE);

    private final SrcCode code;

    SpawnStage(SrcCode code) {
        this.code = code;
    }

    /** The step of a failure libsrc's spawner reported; a new spawner stage breaks the build here. */
    public static SpawnStage of(org.opensrc.libsrc.posix.SpawnStage stage) {
        return switch (stage) {
            case STDIN -> STDIN;
            case STDOUT -> STDOUT;
            case STDERR -> STDERR;
            case USER -> USER;
            case EXEC -> EXEC;
        };
    }

    /** The {@code 0513-NNN} message for a failure at this step. */
    public SrcCode code() {
        return code;
    }
}
