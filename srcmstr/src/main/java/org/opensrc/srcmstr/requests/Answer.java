package org.opensrc.srcmstr.requests;

import org.opensrc.proto.v1.SrcCode;
import org.opensrc.srcmstr.supervise.SrcMessage;

import java.util.Objects;

/** One line of a request's answer and the subsystem it is about ("" when none). */
public record Answer(String subsystem, SrcMessage message) {

    public Answer {
        Objects.requireNonNull(subsystem, "subsystem");
        Objects.requireNonNull(message, "message");
    }

    public static Answer of(String subsystem, SrcCode code, String... args) {
        return new Answer(subsystem, SrcMessage.of(code, args));
    }

    public SrcCode code() {
        return message.code();
    }
}
