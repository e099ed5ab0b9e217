package org.opensrc.srcmstr.definitions;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import org.opensrc.libsrc.SafeText;
import org.opensrc.libsrc.SrcFailure;
import org.opensrc.libsrc.signal.Signal;
import org.opensrc.libsrc.signal.Signals;
import org.opensrc.proto.v1.Action;
import org.opensrc.proto.v1.Contact;
import org.opensrc.proto.v1.Extensions;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.proto.v1.SubsystemChange;
import org.opensrc.srcmstr.registry.FieldLimits;
import org.opensrc.srcmstr.registry.NotifyDef;
import org.opensrc.srcmstr.registry.SubserverDef;
import org.opensrc.srcmstr.registry.SubsystemDef;
import org.opensrc.srcmstr.registry.SubsystemDefaults;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Conversion between the generated proto messages and the registry records, in one place. The client sends complete
 * definitions (proto3 cannot tell priority 0 from "not given"); only the enums' UNSPECIFIED values and empty stdio
 * paths fall back to the AIX defaults. Conversion failures are thrown in their gRPC form.
 */
final class ProtoDefinitions {

    private ProtoDefinitions() {}

    /**
     * A proto definition as a record: user resolved (when {@code userGiven}; else uid 0 as a placeholder a chssys does
     * not take), signals read, auditid as given.
     */
    static SubsystemDef subsystem(
            org.opensrc.proto.v1.SubsystemDef p, UserNames users, boolean userGiven, long auditid) {
        long uid = userGiven ? uid(p, users) : 0;
        Extensions e = p.getExtensions();
        return new SubsystemDef(
                p.getSubsysname(),
                p.getSynonym(),
                p.getCmdargs(),
                p.getPath(),
                uid,
                auditid,
                stdio(p.getStandin()),
                stdio(p.getStandout()),
                stdio(p.getStanderr()),
                action(p.getAction()),
                p.getMulti(),
                contact(p.getContact()),
                p.getSvrkey(),
                p.getSvrmtype(),
                p.getPriority(),
                signal(p.getSignorm(), SrcCode.SRC_CODE_BADNSIG),
                signal(p.getSigforce(), SrcCode.SRC_CODE_BADFSIG),
                p.getDisplay(),
                p.getWaittime(),
                p.getGrpname(),
                new SubsystemDef.Extensions(
                        e.getBackoff(),
                        e.getBackoffInitialMs(),
                        e.getBackoffMaxMs(),
                        e.getKillEscalation(),
                        e.getReadiness()));
    }

    /** A chssys request as an operation: the user is resolved only when the change names it. */
    static Operation.ChangeSubsystem change(SubsystemChange request, UserNames users) {
        boolean userGiven = request.getFieldsList().contains("uid") || request.getFieldsList().contains("user");
        return new Operation.ChangeSubsystem(
                request.getSubsysname(),
                subsystem(request.getValues(), users, userGiven, 0),
                subsystemFields(request.getFieldsList()));
    }

    /**
     * The chssys field list in ODM names: "user" becomes "uid" (the name was resolved into the values); "auditid" is
     * dropped, as only srcmstr sets it.
     */
    static Set<String> subsystemFields(List<String> fields) {
        Set<String> out = new HashSet<>(fields);
        if (out.remove("user")) {
            out.add("uid");
        }
        out.remove("auditid");
        return out;
    }

    static org.opensrc.proto.v1.SubsystemDef toProto(SubsystemDef d) {
        return org.opensrc.proto.v1.SubsystemDef.newBuilder()
                .setSubsysname(d.subsysname())
                .setSynonym(d.synonym())
                .setCmdargs(d.cmdargs())
                .setPath(d.path())
                .setUid(d.uid())
                .setAuditid(d.auditid())
                .setStandin(d.standin())
                .setStandout(d.standout())
                .setStanderr(d.standerr())
                .setAction(d.action() == SubsystemDef.Action.RESPAWN ? Action.ACTION_RESPAWN : Action.ACTION_ONCE)
                .setMulti(d.multi())
                .setContact(
                        switch (d.contact()) {
                            case IPC -> Contact.CONTACT_IPC;
                            case SIGNAL -> Contact.CONTACT_SIGNAL;
                            case SOCKET -> Contact.CONTACT_SOCKET;
                        })
                .setSvrkey(d.svrkey())
                .setSvrmtype(d.svrmtype())
                .setPriority(d.priority())
                .setSignorm(d.signorm())
                .setSigforce(d.sigforce())
                .setDisplay(d.display())
                .setWaittime(d.waittime())
                .setGrpname(d.grpname())
                .setExtensions(
                        Extensions.newBuilder()
                                .setBackoff(d.extensions().backoff())
                                .setBackoffInitialMs(d.extensions().backoffInitialMs())
                                .setBackoffMaxMs(d.extensions().backoffMaxMs())
                                .setKillEscalation(d.extensions().killEscalation())
                                .setReadiness(d.extensions().readiness()))
                .build();
    }

    static SubserverDef subserver(org.opensrc.proto.v1.SubserverDef p) {
        return new SubserverDef(p.getSubType(), p.getSubsysname(), p.getSubCode());
    }

    static org.opensrc.proto.v1.SubserverDef toProto(SubserverDef d) {
        return org.opensrc.proto.v1.SubserverDef.newBuilder()
                .setSubType(d.subType())
                .setSubsysname(d.subsysname())
                .setSubCode(d.subCode())
                .build();
    }

    static NotifyDef notify(org.opensrc.proto.v1.NotifyDef p) {
        return new NotifyDef(p.getNotifyname(), p.getNotifymethod());
    }

    static org.opensrc.proto.v1.NotifyDef toProto(NotifyDef d) {
        return org.opensrc.proto.v1.NotifyDef.newBuilder()
                .setNotifyname(d.notifyname())
                .setNotifymethod(d.notifymethod())
                .build();
    }

    /**
     * The uid a definition asks for. {@code user} is a name or a decimal number; root is only ever chosen by saying so
     * ({@code -u 0}, {@code -u root}): an empty user with a uid of 0 is what an unset shell variable ({@code -u
     * "$SVC_USER"}) sends, and is refused. A bare {@code uid} (older clients) must be 1 or more.
     */
    static long uid(org.opensrc.proto.v1.SubsystemDef p, UserNames users) {
        String user = p.getUser();
        if (user.isEmpty()) {
            if (p.getUid() == 0) {
                throw userRefused("-u: no user given (an empty -u never means root; say -u 0 or -u root)");
            }
            return p.getUid();
        }
        if (user.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (user.length() > 10) {
                throw userRefused("-u: uid " + SafeText.of(user) + " is out of range 0.." + FieldLimits.UID_MAX);
            }
            return Long.parseLong(user);
        }
        return users.uidOf(user).orElseThrow(() -> userRefused("-u: no user named '" + SafeText.of(user) + "'"));
    }

    private static StatusRuntimeException userRefused(String detail) {
        return SrcFailure.of(Status.Code.INVALID_ARGUMENT, SrcCode.SRC_CODE_PARM).withDetail(detail).toException();
    }

    private static String stdio(String path) {
        return path.isEmpty() ? SubsystemDefaults.CONSOLE : path;
    }

    private static SubsystemDef.Action action(Action a) {
        return switch (a) {
            case ACTION_RESPAWN -> SubsystemDef.Action.RESPAWN;
            case ACTION_ONCE, ACTION_UNSPECIFIED -> SubsystemDef.Action.ONCE;
            case UNRECOGNIZED -> throw parm();
        };
    }

    private static SubsystemDef.Contact contact(Contact c) {
        return switch (c) {
            case CONTACT_IPC -> SubsystemDef.Contact.IPC;
            case CONTACT_SIGNAL -> SubsystemDef.Contact.SIGNAL;
            case CONTACT_SOCKET, CONTACT_UNSPECIFIED -> SubsystemDef.Contact.SOCKET;
            case UNRECOGNIZED -> throw parm();
        };
    }

    /** "" stays none; anything else must name a Linux signal ("15", "TERM", "SIGTERM"). */
    private static String signal(String text, SrcCode invalid) {
        if (text.isEmpty()) {
            return "";
        }
        return Signals.parse(text)
                .map(Signal::name)
                .orElseThrow(() -> SrcFailure.of(Status.Code.INVALID_ARGUMENT, invalid).toException());
    }

    private static StatusRuntimeException parm() {
        return SrcFailure.of(Status.Code.INVALID_ARGUMENT, SrcCode.SRC_CODE_PARM).toException();
    }
}
