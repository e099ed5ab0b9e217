package org.opensrc.srcmstr.definitions;

import org.opensrc.proto.v1.SrcCode;
import org.opensrc.srcmstr.registry.FieldLimits;
import org.opensrc.srcmstr.registry.Registry;

import java.util.Objects;

/** What a definition operation decided: the next registry and its message, or a refusal. */
public sealed interface DefinitionResult {

    /** The change is valid; {@code code}/{@code arg} is the AIX success message (arg "" when none). */
    record Applied(Registry next, SrcCode code, String arg) implements DefinitionResult {
        public Applied {
            Objects.requireNonNull(next);
            Objects.requireNonNull(code);
            Objects.requireNonNull(arg);
        }
    }

    /**
     * The change breaks a rule; {@code code}/{@code arg} is the AIX message (arg "" when none), {@code detail} says
     * which field and why where AIX has no message of its own ("" when the message says it all).
     */
    record Rejected(Why why, SrcCode code, String arg, String detail) implements DefinitionResult {

        /** The kind of refusal, which the wire edge turns into its status code. */
        public enum Why {
            INVALID,
            EXISTS,
            PRECONDITION,
            NOT_FOUND
        }

        public Rejected {
            Objects.requireNonNull(why);
            Objects.requireNonNull(code);
            Objects.requireNonNull(arg);
            Objects.requireNonNull(detail);
        }

        Rejected(Why why, SrcCode code, String arg) {
            this(why, code, arg, "");
        }

        /** 0513-007 with the broken limit named. */
        static Rejected limit(FieldLimits.Violation violation) {
            return new Rejected(Why.INVALID, SrcCode.SRC_CODE_PARM, "", violation.toString());
        }

        static Rejected invalid(SrcCode code) {
            return new Rejected(Why.INVALID, code, "");
        }

        static Rejected exists(SrcCode code) {
            return new Rejected(Why.EXISTS, code, "");
        }

        static Rejected precondition(SrcCode code, String arg) {
            return new Rejected(Why.PRECONDITION, code, arg);
        }

        static Rejected notFound(SrcCode code, String arg) {
            return new Rejected(Why.NOT_FOUND, code, arg);
        }
    }
}
