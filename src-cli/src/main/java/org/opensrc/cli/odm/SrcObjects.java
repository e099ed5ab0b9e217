package org.opensrc.cli.odm;

import org.opensrc.cli.command.SrcCommand.Refusal;
import org.opensrc.cli.definitions.AixDefaults;
import org.opensrc.libsrc.Messages;
import org.opensrc.libsrc.signal.Parsed;
import org.opensrc.libsrc.signal.Signals;
import org.opensrc.proto.v1.Action;
import org.opensrc.proto.v1.Contact;
import org.opensrc.proto.v1.NotifyDef;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.proto.v1.SubserverDef;
import org.opensrc.proto.v1.SubsystemDef;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenSRC's definitions as ODM objects and back, with the ODM encodings of {@code srcobj.h}: action RESPAWN 1 / ONCE 2,
 * multi and display SRCNO 0 / SRCYES 1, contact SRCIPC 1 / SRCSIGNAL 2 / SRCSOCKET 3, stop signals as AIX numbers
 * ({@link AixSignalNumbers}). Pure.
 */
public final class SrcObjects {

    private SrcObjects() {}

    public static OdmObject object(SubsystemDef s) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("subsysname", s.getSubsysname());
        v.put("synonym", s.getSynonym());
        v.put("cmdargs", s.getCmdargs());
        v.put("path", s.getPath());
        v.put("uid", Long.toString(s.getUid()));
        v.put("auditid", Long.toString(s.getAuditid()));
        v.put("standin", s.getStandin());
        v.put("standout", s.getStandout());
        v.put("standerr", s.getStanderr());
        v.put("action", s.getAction() == Action.ACTION_RESPAWN ? "1" : "2");
        v.put("multi", s.getMulti() ? "1" : "0");
        v.put(
                "contact",
                switch (s.getContact()) {
                    case CONTACT_IPC -> "1";
                    case CONTACT_SIGNAL -> "2";
                    case CONTACT_SOCKET, CONTACT_UNSPECIFIED, UNRECOGNIZED -> "3";
                });
        v.put("svrkey", Long.toString(s.getSvrkey()));
        v.put("svrmtype", Long.toString(s.getSvrmtype()));
        v.put("priority", Integer.toString(s.getPriority()));
        v.put("signorm", AixSignalNumbers.odmValue(s.getSignorm()));
        v.put("sigforce", AixSignalNumbers.odmValue(s.getSigforce()));
        v.put("display", s.getDisplay() ? "1" : "0");
        v.put("waittime", Integer.toString(s.getWaittime()));
        v.put("grpname", s.getGrpname());
        return new OdmObject(ObjectClass.SRC_SUBSYS, v);
    }

    public static OdmObject object(SubserverDef s) {
        return new OdmObject(
                ObjectClass.SRC_SUBSVR,
                Map.of(
                        "sub_type", s.getSubType(),
                        "subsysname", s.getSubsysname(),
                        "sub_code", Integer.toString(s.getSubCode())));
    }

    public static OdmObject object(NotifyDef n) {
        return new OdmObject(
                ObjectClass.SRC_NOTIFY, Map.of("notifyname", n.getNotifyname(), "notifymethod", n.getNotifymethod()));
    }

    /**
     * The definition an odmadd stanza makes: the given descriptors over the mkssys defaults (AIX's odmadd would leave
     * the others 0 or empty), uid 0 when not given, auditid left to srcmstr.
     *
     * @param warnings receives a line for each AIX signal number that means another signal on Linux
     * @throws Refusal a stop signal that is none (0513-089 / 0513-088) or a contact that is none (0513-121)
     */
    public static SubsystemDef subsystem(Map<String, String> given, List<String> warnings) {
        SubsystemDef.Builder def = AixDefaults.subsystem().setUser("0");
        apply(given, def, warnings);
        return def.build();
    }

    /** The values and field names of a chssys-like change of the given descriptors. */
    public static SubsystemDef subsystemValues(Map<String, String> given, List<String> warnings) {
        SubsystemDef.Builder def = SubsystemDef.newBuilder();
        apply(given, def, warnings);
        return def.build();
    }

    private static void apply(Map<String, String> given, SubsystemDef.Builder def, List<String> warnings) {
        given.forEach(
                (name, value) -> {
                    switch (name) {
                        case "subsysname" -> def.setSubsysname(value);
                        case "synonym" -> def.setSynonym(value);
                        case "cmdargs" -> def.setCmdargs(value);
                        case "path" -> def.setPath(value);
                        case "uid" -> def.setUser(Long.toString(number(value))).setUid(number(value));
                        case "auditid" -> def.setAuditid(number(value));
                        case "standin" -> def.setStandin(value);
                        case "standout" -> def.setStandout(value);
                        case "standerr" -> def.setStanderr(value);
                        case "action" -> def.setAction(number(value) == 1 ? Action.ACTION_RESPAWN : Action.ACTION_ONCE);
                        case "multi" -> def.setMulti(number(value) != 0);
                        case "contact" -> def.setContact(contact(value));
                        case "svrkey" -> def.setSvrkey(number(value));
                        case "svrmtype" -> def.setSvrmtype(number(value));
                        case "priority" -> def.setPriority((int) number(value));
                        case "signorm" -> def.setSignorm(signal(value, SrcCode.SRC_CODE_BADNSIG, warnings));
                        case "sigforce" -> def.setSigforce(signal(value, SrcCode.SRC_CODE_BADFSIG, warnings));
                        case "display" -> def.setDisplay(number(value) != 0);
                        case "waittime" -> def.setWaittime((int) number(value));
                        case "grpname" -> def.setGrpname(value);
                        default -> throw new IllegalArgumentException("SRCsubsys has no descriptor " + name);
                    }
                });
    }

    public static SubserverDef subserver(Map<String, String> given, SubserverDef.Builder base) {
        given.forEach(
                (name, value) -> {
                    switch (name) {
                        case "sub_type" -> base.setSubType(value);
                        case "subsysname" -> base.setSubsysname(value);
                        case "sub_code" -> base.setSubCode((int) number(value));
                        default -> throw new IllegalArgumentException("SRCsubsvr has no descriptor " + name);
                    }
                });
        return base.build();
    }

    public static NotifyDef notify(Map<String, String> given, NotifyDef.Builder base) {
        given.forEach(
                (name, value) -> {
                    switch (name) {
                        case "notifyname" -> base.setNotifyname(value);
                        case "notifymethod" -> base.setNotifymethod(value);
                        default -> throw new IllegalArgumentException("SRCnotify has no descriptor " + name);
                    }
                });
        return base.build();
    }

    private static long number(String checked) {
        return CNumber.parse(checked).orElseThrow(() -> new IllegalArgumentException("not a number: " + checked));
    }

    private static Contact contact(String value) {
        return switch ((int) number(value)) {
            case 1 -> Contact.CONTACT_IPC;
            case 2 -> Contact.CONTACT_SIGNAL;
            case 3 -> Contact.CONTACT_SOCKET;
            default -> throw new Refusal(Messages.render(SrcCode.SRC_CODE_NOCONTACT));
        };
    }

    /** "0" is none; an AIX number is translated (with a warning when Linux numbers it otherwise); a name is Linux's. */
    private static String signal(String value, SrcCode invalid, List<String> warnings) {
        var n = CNumber.parse(value);
        if (n.isPresent() && n.getAsLong() == 0) {
            return "";
        }
        String text = n.isPresent() ? Long.toString(n.getAsLong()) : value;
        Parsed parsed = Signals.parseAix(text).orElseThrow(() -> new Refusal(Messages.render(invalid)));
        parsed.warning().ifPresent(warnings::add);
        return parsed.signal().name();
    }
}
