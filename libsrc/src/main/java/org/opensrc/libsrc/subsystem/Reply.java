package org.opensrc.libsrc.subsystem;

import org.opensrc.proto.v1.Outcome;
import org.opensrc.proto.v1.SrcCode;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A daemon's answer to a stop, refresh or trace request: an AIX message number with its {@code %s} arguments, or the
 * daemon's own text ({@link #message}). Arguments may be left out where the argument is the subsystem's name: srcmstr
 * fills it in.
 */
public record Reply(SrcCode code, List<String> args, String text) {

    private static final Set<SrcCode> SUCCESS =
            Set.of(
                    SrcCode.SRC_CODE_UNSPECIFIED,
                    SrcCode.SRC_CODE_SUBMSG,
                    SrcCode.SRC_CODE_STPOK,
                    SrcCode.SRC_CODE_STRTOK,
                    SrcCode.SRC_CODE_TRACONOK,
                    SrcCode.SRC_CODE_TRACOFFOK,
                    SrcCode.SRC_CODE_REFOK,
                    SrcCode.SRC_CODE_STRTSVROK,
                    SrcCode.SRC_CODE_STOPSVROK);

    public Reply {
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
        Objects.requireNonNull(text, "text");
    }

    /** Success; srcmstr prints the command's usual success message. */
    public static Reply ok() {
        return new Reply(SrcCode.SRC_CODE_UNSPECIFIED, List.of(), "");
    }

    /** The AIX message {@code 0513-<code>} with its arguments. */
    public static Reply of(SrcCode code, String... args) {
        return new Reply(code, List.of(args), "");
    }

    /** The daemon's own text, printed verbatim (AIX {@code SRC_SUBMSG}). */
    public static Reply message(String text) {
        return new Reply(SrcCode.SRC_CODE_SUBMSG, List.of(), text);
    }

    /** {@code 0513-129}: the subsystem does not support the requested action. */
    public static Reply notSupported() {
        return of(SrcCode.SRC_CODE_NOSUPPORT);
    }

    /** {@code 0513-087}: the subsystem did not understand the request. */
    public static Reply notUnderstood() {
        return of(SrcCode.SRC_CODE_SUBICMD);
    }

    /**
     * Whether {@code code} reports success: no code, the daemon's own text, or one of the AIX success messages (044,
     * 059, 091, 093, 095, 124, 127).
     */
    public static boolean isSuccess(SrcCode code) {
        return SUCCESS.contains(code);
    }

    public boolean isSuccess() {
        return isSuccess(code);
    }

    /** The wire form. */
    public Outcome toOutcome() {
        return Outcome.newBuilder().setCode(code).addAllArgs(args).setText(text).build();
    }
}
