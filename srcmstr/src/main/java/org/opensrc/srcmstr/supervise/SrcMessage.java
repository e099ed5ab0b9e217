package org.opensrc.srcmstr.supervise;

import org.opensrc.proto.v1.SrcCode;

import java.util.List;
import java.util.Objects;

/**
 * One line of a command's answer: an SRC message code, its {@code %s} arguments, and a detail printed on the next line
 * ("" when the message says it all).
 */
public record SrcMessage(SrcCode code, List<String> args, String detail) {

    public SrcMessage {
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
        Objects.requireNonNull(detail, "detail");
    }

    public SrcMessage(SrcCode code, List<String> args) {
        this(code, args, "");
    }

    public static SrcMessage of(SrcCode code, String... args) {
        return new SrcMessage(code, List.of(args));
    }
}
