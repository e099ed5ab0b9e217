package org.opensrc.srcmstr.definitions;

import org.opensrc.proto.v1.SrcCode;
import org.opensrc.srcmstr.definitions.DefinitionResult.Rejected;
import org.opensrc.srcmstr.registry.FieldLimits;
import org.opensrc.srcmstr.registry.SubsystemDef;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The rules one subsystem definition must meet on its own (AIX limits and flag rules). */
final class SubsystemRules {

    static final int NAME_MAX = 29;
    static final int PATH_MAX = 199;
    static final int METHOD_MAX = 255;
    static final int PRIORITY_MAX = 39;

    private SubsystemRules() {}

    /** The first rule {@code def} breaks, in the order AIX checks them. */
    static Optional<Rejected> check(SubsystemDef def) {
        if (def.subsysname().isEmpty()) {
            return reject(SrcCode.SRC_CODE_NONAME);
        }
        if (tooLong(def.subsysname(), NAME_MAX)) {
            return reject(SrcCode.SRC_CODE_SUBSYSNAME_2BIG);
        }
        if (tooLong(def.synonym(), NAME_MAX)) {
            return reject(SrcCode.SRC_CODE_SYNONYM_2BIG);
        }
        if (tooLong(def.cmdargs(), PATH_MAX)) {
            return reject(SrcCode.SRC_CODE_CMDARGS_2BIG);
        }
        if (def.path().isEmpty() || !def.path().startsWith("/")) {
            return reject(SrcCode.SRC_CODE_NOPATH);
        }
        if (tooLong(def.path(), PATH_MAX)) {
            return reject(SrcCode.SRC_CODE_PATH_2BIG);
        }
        if (tooLong(def.standin(), PATH_MAX)) {
            return reject(SrcCode.SRC_CODE_STDIN_2BIG);
        }
        if (tooLong(def.standout(), PATH_MAX)) {
            return reject(SrcCode.SRC_CODE_STDOUT_2BIG);
        }
        if (tooLong(def.standerr(), PATH_MAX)) {
            return reject(SrcCode.SRC_CODE_STDERR_2BIG);
        }
        if (tooLong(def.grpname(), NAME_MAX)) {
            return reject(SrcCode.SRC_CODE_GROUP_2BIG);
        }
        if (def.priority() < 0 || def.priority() > PRIORITY_MAX) {
            return reject(SrcCode.SRC_CODE_PRIORITY);
        }
        if (def.contact() == SubsystemDef.Contact.IPC && def.svrmtype() <= 0) {
            return reject(SrcCode.SRC_CODE_MTYPE);
        }
        if (def.contact() == SubsystemDef.Contact.SIGNAL) {
            if (def.signorm().isEmpty()) {
                return reject(SrcCode.SRC_CODE_BADNSIG);
            }
            if (def.sigforce().isEmpty()) {
                return reject(SrcCode.SRC_CODE_BADFSIG);
            }
        } else if (!def.signorm().isEmpty() || !def.sigforce().isEmpty()) {
            // AIX: -n and -f only come with -S (usage error).
            return reject(SrcCode.SRC_CODE_PARM);
        }
        if (def.waittime() < 0 || def.extensions().backoffInitialMs() < 0 || def.extensions().backoffMaxMs() < 0) {
            return reject(SrcCode.SRC_CODE_PARM);
        }
        return FieldLimits.check(def).map(Rejected::limit);
    }

    static boolean tooLong(String value, int max) {
        return value.getBytes(StandardCharsets.UTF_8).length > max;
    }

    private static Optional<Rejected> reject(SrcCode code) {
        return Optional.of(Rejected.invalid(code));
    }
}
