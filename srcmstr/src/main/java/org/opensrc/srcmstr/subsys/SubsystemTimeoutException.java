package org.opensrc.srcmstr.subsys;

import org.opensrc.proto.v1.SrcCode;

import java.time.Duration;

/** The daemon did not reply within the reply timeout: {@code 0513-056}. */
public final class SubsystemTimeoutException extends SubsystemRequestException {

    public SubsystemTimeoutException(int pid, Duration timeout) {
        super(pid, "no reply from pid " + pid + " within " + timeout);
    }

    @Override
    public SrcCode srcCode() {
        return SrcCode.SRC_CODE_NORPLY;
    }
}
