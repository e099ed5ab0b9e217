package org.opensrc.srcmstr.definitions;

import org.opensrc.proto.v1.SrcCode;
import org.opensrc.srcmstr.definitions.DefinitionResult.Applied;
import org.opensrc.srcmstr.definitions.DefinitionResult.Rejected;
import org.opensrc.srcmstr.registry.DefinitionJson;
import org.opensrc.srcmstr.registry.NotifyDef;
import org.opensrc.srcmstr.registry.Registry;
import org.opensrc.srcmstr.registry.SubserverDef;
import org.opensrc.srcmstr.registry.SubsystemDef;
import org.opensrc.srcmstr.registry.SubsystemDef.Contact;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** mkssys, chssys and rmssys as pure functions of the registry. */
final class SubsystemOperations {

    /** The ODM field names chssys may change: every field of SRCsubsys. */
    static final Set<String> FIELDS = Set.copyOf(DefinitionJson.SUBSYSTEM);

    private SubsystemOperations() {}

    static DefinitionResult add(Registry current, SubsystemDef def) {
        Optional<Rejected> broken = SubsystemRules.check(def);
        if (broken.isPresent()) {
            return broken.get();
        }
        // AIX addssys: a taken name is SRC_SUBEXIST (0513-075), a taken synonym SRC_SYNEXIST (0513-076)
        if (current.subsystems().stream().anyMatch(s -> s.answersTo(def.subsysname()))) {
            return Rejected.exists(SrcCode.SRC_CODE_SUBEXIST);
        }
        if (!def.synonym().isEmpty() && current.subsystems().stream().anyMatch(s -> s.answersTo(def.synonym()))) {
            return Rejected.exists(SrcCode.SRC_CODE_SYNEXIST);
        }
        List<SubsystemDef> next = new ArrayList<>(current.subsystems());
        next.add(def);
        return new Applied(current.withSubsystems(next), SrcCode.SRC_CODE_SUBADD, def.subsysname());
    }

    static DefinitionResult change(Registry current, Operation.ChangeSubsystem op) {
        Optional<SubsystemDef> found = current.subsystem(op.name());
        if (found.isEmpty()) {
            return Rejected.notFound(SrcCode.SRC_CODE_SUBSYS, op.name());
        }
        if (!FIELDS.containsAll(op.fields())) {
            return Rejected.invalid(SrcCode.SRC_CODE_PARM);
        }
        SubsystemDef old = found.get();
        SubsystemDef def = merge(old, op.values(), op.fields());
        Optional<Rejected> broken = SubsystemRules.check(def);
        if (broken.isPresent()) {
            return broken.get();
        }
        List<SubsystemDef> others = current.subsystems().stream().filter(s -> s != old).toList();
        if (!def.subsysname().equals(old.subsysname())
                && others.stream().anyMatch(s -> s.answersTo(def.subsysname()))) {
            return Rejected.exists(SrcCode.SRC_CODE_SUBEXIST);
        }
        if (!def.synonym().isEmpty() && others.stream().anyMatch(s -> s.answersTo(def.synonym()))) {
            return Rejected.exists(SrcCode.SRC_CODE_SYNEXIST);
        }
        if (def.contact() == Contact.SIGNAL && !current.subserversOf(old.subsysname()).isEmpty()) {
            return Rejected.precondition(SrcCode.SRC_CODE_CONT, old.subsysname());
        }
        List<SubsystemDef> subsystems = current.subsystems().stream().map(s -> s == old ? def : s).toList();
        String from = old.subsysname();
        String to = def.subsysname();
        List<SubserverDef> subservers =
                current.subservers().stream()
                        .map(s -> s.subsysname().equals(from) ? new SubserverDef(s.subType(), to, s.subCode()) : s)
                        .toList();
        List<NotifyDef> notifies =
                current.notifies().stream()
                        .map(n -> n.notifyname().equals(from) ? new NotifyDef(to, n.notifymethod()) : n)
                        .toList();
        return new Applied(new Registry(subsystems, subservers, notifies), SrcCode.SRC_CODE_SUBCH, "");
    }

    static DefinitionResult remove(Registry current, String name) {
        Optional<SubsystemDef> found = current.subsystem(name);
        if (found.isEmpty()) {
            return Rejected.notFound(SrcCode.SRC_CODE_SUBSYS, name);
        }
        SubsystemDef gone = found.get();
        String subsysname = gone.subsysname();
        return new Applied(
                new Registry(
                        current.subsystems().stream().filter(s -> s != gone).toList(),
                        current.subservers().stream().filter(s -> !s.subsysname().equals(subsysname)).toList(),
                        current.notifies().stream().filter(n -> !n.notifyname().equals(subsysname)).toList()),
                SrcCode.SRC_CODE_SSYSRM,
                "");
    }

    /**
     * {@code old} with the named fields taken from {@code v}. A contact changed away from signals drops the stop
     * signals unless they are named too.
     */
    static SubsystemDef merge(SubsystemDef old, SubsystemDef v, Set<String> f) {
        Contact contact = pick(f, "contact", old.contact(), v.contact());
        boolean dropSignals = contact != Contact.SIGNAL;
        String signorm = f.contains("signorm") ? v.signorm() : dropSignals ? "" : old.signorm();
        String sigforce = f.contains("sigforce") ? v.sigforce() : dropSignals ? "" : old.sigforce();
        return new SubsystemDef(
                pick(f, "subsysname", old.subsysname(), v.subsysname()),
                pick(f, "synonym", old.synonym(), v.synonym()),
                pick(f, "cmdargs", old.cmdargs(), v.cmdargs()),
                pick(f, "path", old.path(), v.path()),
                pick(f, "uid", old.uid(), v.uid()),
                pick(f, "auditid", old.auditid(), v.auditid()),
                pick(f, "standin", old.standin(), v.standin()),
                pick(f, "standout", old.standout(), v.standout()),
                pick(f, "standerr", old.standerr(), v.standerr()),
                pick(f, "action", old.action(), v.action()),
                pick(f, "multi", old.multi(), v.multi()),
                contact,
                pick(f, "svrkey", old.svrkey(), v.svrkey()),
                pick(f, "svrmtype", old.svrmtype(), v.svrmtype()),
                pick(f, "priority", old.priority(), v.priority()),
                signorm,
                sigforce,
                pick(f, "display", old.display(), v.display()),
                pick(f, "waittime", old.waittime(), v.waittime()),
                pick(f, "grpname", old.grpname(), v.grpname()),
                pick(f, "extensions", old.extensions(), v.extensions()));
    }

    private static <T> T pick(Set<String> fields, String name, T old, T given) {
        return fields.contains(name) ? given : old;
    }
}
