package org.opensrc.srcmstr.definitions;

import org.opensrc.proto.v1.SrcCode;
import org.opensrc.srcmstr.definitions.DefinitionResult.Applied;
import org.opensrc.srcmstr.definitions.DefinitionResult.Rejected;
import org.opensrc.srcmstr.registry.FieldLimits;
import org.opensrc.srcmstr.registry.Registry;
import org.opensrc.srcmstr.registry.SubserverDef;
import org.opensrc.srcmstr.registry.SubsystemDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** mkserver, chserver and rmserver as pure functions of the registry. */
final class SubserverOperations {

    static final Set<String> FIELDS = Set.of("sub_type", "subsysname", "sub_code");
    static final int CODE_MIN = 1;
    static final int CODE_MAX = 32768;

    private SubserverOperations() {}

    static DefinitionResult add(Registry current, SubserverDef def) {
        return check(current, def, null)
                .map(r -> (DefinitionResult) r)
                .orElseGet(
                        () -> {
                            List<SubserverDef> next = new ArrayList<>(current.subservers());
                            next.add(owned(current, def));
                            return new Applied(current.withSubservers(next), SrcCode.SRC_CODE_SVRADD, def.subType());
                        });
    }

    static DefinitionResult change(Registry current, Operation.ChangeSubserver op) {
        Optional<SubserverDef> found = current.subserver(op.subType());
        if (found.isEmpty()) {
            return Rejected.notFound(SrcCode.SRC_CODE_TYPE, op.subType());
        }
        if (!FIELDS.containsAll(op.fields())) {
            return Rejected.invalid(SrcCode.SRC_CODE_PARM);
        }
        SubserverDef old = found.get();
        Set<String> f = op.fields();
        SubserverDef def =
                new SubserverDef(
                        f.contains("sub_type") ? op.values().subType() : old.subType(),
                        f.contains("subsysname") ? op.values().subsysname() : old.subsysname(),
                        f.contains("sub_code") ? op.values().subCode() : old.subCode());
        return check(current, def, old)
                .map(r -> (DefinitionResult) r)
                .orElseGet(
                        () ->
                                new Applied(
                                        current.withSubservers(
                                                current.subservers().stream()
                                                        .map(s -> s == old ? owned(current, def) : s)
                                                        .toList()),
                                        SrcCode.SRC_CODE_SERVERCH,
                                        def.subType()));
    }

    static DefinitionResult remove(Registry current, String subType) {
        Optional<SubserverDef> found = current.subserver(subType);
        if (found.isEmpty()) {
            return Rejected.notFound(SrcCode.SRC_CODE_TYPE, subType);
        }
        return new Applied(
                current.withSubservers(current.subservers().stream().filter(s -> s != found.get()).toList()),
                SrcCode.SRC_CODE_SERVERRM,
                "");
    }

    /** The first rule {@code def} breaks; {@code self} is the object being changed (null on add). */
    private static Optional<Rejected> check(Registry current, SubserverDef def, SubserverDef self) {
        if (def.subType().isEmpty()) {
            return Optional.of(Rejected.invalid(SrcCode.SRC_CODE_PARM));
        }
        if (SubsystemRules.tooLong(def.subType(), SubsystemRules.NAME_MAX)) {
            return Optional.of(Rejected.invalid(SrcCode.SRC_CODE_SUBTYPE_2BIG));
        }
        if (def.subCode() < CODE_MIN || def.subCode() > CODE_MAX) {
            return Optional.of(Rejected.invalid(SrcCode.SRC_CODE_PARM));
        }
        Optional<Rejected> broken = FieldLimits.check(def).map(Rejected::limit);
        if (broken.isPresent()) {
            return broken;
        }
        Optional<SubsystemDef> owner = current.subsystem(def.subsysname());
        if (owner.isEmpty()) {
            return Optional.of(Rejected.precondition(SrcCode.SRC_CODE_SSME, def.subsysname()));
        }
        if (owner.get().contact() == SubsystemDef.Contact.SIGNAL) {
            return Optional.of(Rejected.precondition(SrcCode.SRC_CODE_CONT, owner.get().subsysname()));
        }
        List<SubserverDef> others = current.subservers().stream().filter(s -> s != self).toList();
        if (others.stream().anyMatch(s -> s.subType().equals(def.subType()))) {
            return Optional.of(Rejected.exists(SrcCode.SRC_CODE_SVREXIST));
        }
        String ownerName = owner.get().subsysname();
        if (others.stream().anyMatch(s -> s.subsysname().equals(ownerName) && s.subCode() == def.subCode())) {
            return Optional.of(Rejected.exists(SrcCode.SRC_CODE_SUBCODE));
        }
        return Optional.empty();
    }

    /** {@code def} naming its owner by the subsystem's name (a synonym may have been given). */
    private static SubserverDef owned(Registry current, SubserverDef def) {
        String name = current.subsystem(def.subsysname()).orElseThrow().subsysname();
        return new SubserverDef(def.subType(), name, def.subCode());
    }
}
