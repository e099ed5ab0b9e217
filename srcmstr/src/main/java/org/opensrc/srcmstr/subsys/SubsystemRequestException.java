package org.opensrc.srcmstr.subsys;

import org.opensrc.proto.v1.SrcCode;

/**
 * Why a request sent through the {@link SubsystemHub} got no reply. Each kind carries the AIX message the control layer
 * reports for it.
 */
public abstract sealed class SubsystemRequestException extends RuntimeException
        permits SubsystemTimeoutException, NotAttachedException, SubsystemGoneException {

    private final int pid;

    SubsystemRequestException(int pid, String message) {
        super(message, null, false, false);
        this.pid = pid;
    }

    /** The instance the request was for. */
    public int pid() {
        return pid;
    }

    /** The AIX message number the control layer reports. */
    public abstract SrcCode srcCode();
}
