package org.opensrc.srcmstr.registry;

import com.fasterxml.jackson.core.JsonGenerator;

import org.opensrc.srcmstr.durable.JsonFields;
import org.opensrc.srcmstr.durable.JsonIn;

import java.io.IOException;
import java.util.List;

/**
 * The JSON objects of the three object classes, field by field in ODM order (the registry files, {@link RegistryCodec},
 * and the definitions saved in srcmstr's state file).
 */
public final class DefinitionJson {

    /** The fields of an SRCsubsys object, in the order the registry file gives them. */
    public static final List<String> SUBSYSTEM =
            List.of(
                    "subsysname",
                    "synonym",
                    "cmdargs",
                    "path",
                    "uid",
                    "auditid",
                    "standin",
                    "standout",
                    "standerr",
                    "action",
                    "multi",
                    "contact",
                    "svrkey",
                    "svrmtype",
                    "priority",
                    "signorm",
                    "sigforce",
                    "display",
                    "waittime",
                    "grpname",
                    "extensions");

    private static final List<String> EXTENSIONS =
            List.of("backoff", "backoff_initial_ms", "backoff_max_ms", "kill_escalation", "readiness");
    private static final List<String> SUBSERVER = List.of("sub_type", "subsysname", "sub_code");
    private static final List<String> NOTIFY = List.of("notifyname", "notifymethod");

    private DefinitionJson() {}

    public static SubsystemDef readSubsystem(JsonIn in) throws IOException {
        JsonFields f =
                in.object(
                        SUBSYSTEM,
                        (field, value) ->
                                switch (field) {
                                    case "uid", "auditid", "svrkey", "svrmtype" -> value.longValue();
                                    case "action" -> value.enumValue(SubsystemDef.Action.class);
                                    case "multi", "display" -> value.bool();
                                    case "contact" -> value.enumValue(SubsystemDef.Contact.class);
                                    case "priority", "waittime" -> value.intValue();
                                    case "extensions" -> readExtensions(value);
                                    default -> value.string();
                                });
        return in.make(
                () ->
                        new SubsystemDef(
                                f.string("subsysname"),
                                f.string("synonym"),
                                f.string("cmdargs"),
                                f.string("path"),
                                f.longValue("uid"),
                                f.longValue("auditid"),
                                f.string("standin"),
                                f.string("standout"),
                                f.string("standerr"),
                                f.get("action", SubsystemDef.Action.class),
                                f.bool("multi"),
                                f.get("contact", SubsystemDef.Contact.class),
                                f.longValue("svrkey"),
                                f.longValue("svrmtype"),
                                f.intValue("priority"),
                                f.string("signorm"),
                                f.string("sigforce"),
                                f.bool("display"),
                                f.intValue("waittime"),
                                f.string("grpname"),
                                f.get("extensions", SubsystemDef.Extensions.class)));
    }

    private static SubsystemDef.Extensions readExtensions(JsonIn in) throws IOException {
        JsonFields f =
                in.object(
                        EXTENSIONS,
                        (field, value) ->
                                switch (field) {
                                    case "backoff_initial_ms", "backoff_max_ms" -> value.longValue();
                                    default -> value.bool();
                                });
        return new SubsystemDef.Extensions(
                f.bool("backoff"),
                f.longValue("backoff_initial_ms"),
                f.longValue("backoff_max_ms"),
                f.bool("kill_escalation"),
                f.bool("readiness"));
    }

    public static void write(JsonGenerator out, SubsystemDef s) throws IOException {
        out.writeStartObject();
        out.writeStringField("subsysname", s.subsysname());
        out.writeStringField("synonym", s.synonym());
        out.writeStringField("cmdargs", s.cmdargs());
        out.writeStringField("path", s.path());
        out.writeNumberField("uid", s.uid());
        out.writeNumberField("auditid", s.auditid());
        out.writeStringField("standin", s.standin());
        out.writeStringField("standout", s.standout());
        out.writeStringField("standerr", s.standerr());
        out.writeStringField("action", s.action().name());
        out.writeBooleanField("multi", s.multi());
        out.writeStringField("contact", s.contact().name());
        out.writeNumberField("svrkey", s.svrkey());
        out.writeNumberField("svrmtype", s.svrmtype());
        out.writeNumberField("priority", s.priority());
        out.writeStringField("signorm", s.signorm());
        out.writeStringField("sigforce", s.sigforce());
        out.writeBooleanField("display", s.display());
        out.writeNumberField("waittime", s.waittime());
        out.writeStringField("grpname", s.grpname());
        SubsystemDef.Extensions e = s.extensions();
        out.writeObjectFieldStart("extensions");
        out.writeBooleanField("backoff", e.backoff());
        out.writeNumberField("backoff_initial_ms", e.backoffInitialMs());
        out.writeNumberField("backoff_max_ms", e.backoffMaxMs());
        out.writeBooleanField("kill_escalation", e.killEscalation());
        out.writeBooleanField("readiness", e.readiness());
        out.writeEndObject();
        out.writeEndObject();
    }

    public static SubserverDef readSubserver(JsonIn in) throws IOException {
        JsonFields f =
                in.object(SUBSERVER, (field, value) -> field.equals("sub_code") ? value.intValue() : value.string());
        return in.make(() -> new SubserverDef(f.string("sub_type"), f.string("subsysname"), f.intValue("sub_code")));
    }

    public static void write(JsonGenerator out, SubserverDef s) throws IOException {
        out.writeStartObject();
        out.writeStringField("sub_type", s.subType());
        out.writeStringField("subsysname", s.subsysname());
        out.writeNumberField("sub_code", s.subCode());
        out.writeEndObject();
    }

    public static NotifyDef readNotify(JsonIn in) throws IOException {
        JsonFields f = in.object(NOTIFY, (field, value) -> value.string());
        return in.make(() -> new NotifyDef(f.string("notifyname"), f.string("notifymethod")));
    }

    public static void write(JsonGenerator out, NotifyDef n) throws IOException {
        out.writeStartObject();
        out.writeStringField("notifyname", n.notifyname());
        out.writeStringField("notifymethod", n.notifymethod());
        out.writeEndObject();
    }
}
