package org.opensrc.srcmstr.subsys;

import org.opensrc.proto.v1.SrcCode;

/**
 * The daemon's stream ended (it died, was forgotten, or reattached) while the request was in flight: {@code 0513-014},
 * the subsystem's communication failed. For a stop request the control layer may well treat this as the stop having
 * worked.
 */
public final class SubsystemGoneException extends SubsystemRequestException {

    public SubsystemGoneException(int pid, String why) {
        super(pid, "pid " + pid + ": " + why);
    }

    @Override
    public SrcCode srcCode() {
        return SrcCode.SRC_CODE_BADSOCK;
    }
}
