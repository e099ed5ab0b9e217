package org.opensrc.srcmstr.supervise;

import java.util.List;
import java.util.Objects;
import org.opensrc.proto.v1.SrcCode;

/** One line of a command's answer: an SRC message code and its {@code %s} arguments. */
public record Outcome(SrcCode code, List<String> args) {

    public Outcome {
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
    }

    public static Outcome of(SrcCode code, String... args) {
        return new Outcome(code, List.of(args));
    }
}
