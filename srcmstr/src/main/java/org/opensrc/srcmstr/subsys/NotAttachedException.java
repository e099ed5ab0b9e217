package org.opensrc.srcmstr.subsys;

import org.opensrc.proto.v1.SrcCode;

/**
 * The instance has no open Attach stream (not yet attached, never SRC-aware, or between reconnects): the request could
 * not be passed, {@code 0513-036}.
 */
public final class NotAttachedException extends SubsystemRequestException {

    public NotAttachedException(int pid) {
        super(pid, "pid " + pid + " is not attached to srcmstr");
    }

    @Override
    public SrcCode srcCode() {
        return SrcCode.SRC_CODE_NSVR;
    }
}
