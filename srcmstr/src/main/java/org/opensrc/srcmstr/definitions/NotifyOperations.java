package org.opensrc.srcmstr.definitions;

import org.opensrc.proto.v1.SrcCode;
import org.opensrc.srcmstr.definitions.DefinitionResult.Applied;
import org.opensrc.srcmstr.definitions.DefinitionResult.Rejected;
import org.opensrc.srcmstr.registry.FieldLimits;
import org.opensrc.srcmstr.registry.NotifyDef;
import org.opensrc.srcmstr.registry.Registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** mknotify and rmnotify as pure functions of the registry. */
final class NotifyOperations {

    private NotifyOperations() {}

    static DefinitionResult add(Registry current, NotifyDef def) {
        if (def.notifyname().isEmpty()) {
            return Rejected.invalid(SrcCode.SRC_CODE_PARM);
        }
        if (SubsystemRules.tooLong(def.notifyname(), SubsystemRules.NAME_MAX)) {
            return Rejected.invalid(SrcCode.SRC_CODE_NOTIFY_NAME_2BIG);
        }
        if (SubsystemRules.tooLong(def.notifymethod(), SubsystemRules.METHOD_MAX)) {
            return Rejected.invalid(SrcCode.SRC_CODE_NOTIFY_METHOD_2BIG);
        }
        if (!def.notifymethod().startsWith("/")) {
            return Rejected.invalid(SrcCode.SRC_CODE_PARM);
        }
        Optional<Rejected> broken = FieldLimits.check(def).map(Rejected::limit);
        if (broken.isPresent()) {
            return broken.get();
        }
        boolean isSubsystem = current.subsystems().stream().anyMatch(s -> s.subsysname().equals(def.notifyname()));
        if (!isSubsystem && !current.isGroup(def.notifyname())) {
            return Rejected.precondition(SrcCode.SRC_CODE_NOSUBSYS, "");
        }
        if (current.notify(def.notifyname()).isPresent()) {
            return Rejected.exists(SrcCode.SRC_CODE_NOTEXIST);
        }
        List<NotifyDef> next = new ArrayList<>(current.notifies());
        next.add(def);
        return new Applied(current.withNotifies(next), SrcCode.SRC_CODE_NOTADD, def.notifyname());
    }

    static DefinitionResult remove(Registry current, String notifyname) {
        Optional<NotifyDef> found = current.notify(notifyname);
        if (found.isEmpty()) {
            return Rejected.notFound(SrcCode.SRC_CODE_NOREC, "");
        }
        return new Applied(
                current.withNotifies(current.notifies().stream().filter(n -> n != found.get()).toList()),
                SrcCode.SRC_CODE_NOTRM,
                "");
    }
}
