package org.opensrc.cli.definitions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.opensrc.proto.v1.Action;
import org.opensrc.proto.v1.Extensions;
import org.opensrc.proto.v1.ListNotifiesReply;
import org.opensrc.proto.v1.ListSubserversReply;
import org.opensrc.proto.v1.ListSubsystemsReply;
import org.opensrc.proto.v1.SubsystemDef;

/**
 * The {@code --json} form of {@code lssrc -S / -T / -N}: a JSON array of objects keyed by the ODM field names. Enums
 * are words ({@code "RESPAWN"}, {@code "SIGNAL"}), booleans are booleans, signals are names ({@code "SIGTERM"}, {@code
 * ""} for none), and a subsystem also carries its {@code extensions}.
 */
public final class JsonListing {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonListing() {}

    public static String subsystems(ListSubsystemsReply reply) {
        ArrayNode array = MAPPER.createArrayNode();
        for (SubsystemDef s : reply.getSubsystemsList()) {
            ObjectNode o = array.addObject();
            o.put("subsysname", s.getSubsysname())
                    .put("synonym", s.getSynonym())
                    .put("cmdargs", s.getCmdargs())
                    .put("path", s.getPath())
                    .put("uid", s.getUid())
                    .put("auditid", s.getAuditid())
                    .put("standin", s.getStandin())
                    .put("standout", s.getStandout())
                    .put("standerr", s.getStanderr())
                    .put("action", s.getAction() == Action.ACTION_RESPAWN ? "RESPAWN" : "ONCE")
                    .put("multi", s.getMulti())
                    .put(
                            "contact",
                            switch (s.getContact()) {
                                case CONTACT_IPC -> "IPC";
                                case CONTACT_SIGNAL -> "SIGNAL";
                                case CONTACT_SOCKET, CONTACT_UNSPECIFIED, UNRECOGNIZED -> "SOCKET";
                            })
                    .put("svrkey", s.getSvrkey())
                    .put("svrmtype", s.getSvrmtype())
                    .put("priority", s.getPriority())
                    .put("signorm", s.getSignorm())
                    .put("sigforce", s.getSigforce())
                    .put("display", s.getDisplay())
                    .put("waittime", s.getWaittime())
                    .put("grpname", s.getGrpname());
            Extensions e = s.getExtensions();
            o.putObject("extensions")
                    .put("backoff", e.getBackoff())
                    .put("backoff_initial_ms", e.getBackoffInitialMs())
                    .put("backoff_max_ms", e.getBackoffMaxMs())
                    .put("kill_escalation", e.getKillEscalation())
                    .put("readiness", e.getReadiness());
        }
        return write(array);
    }

    public static String subservers(ListSubserversReply reply) {
        ArrayNode array = MAPPER.createArrayNode();
        reply.getSubserversList()
                .forEach(
                        s ->
                                array.addObject()
                                        .put("sub_type", s.getSubType())
                                        .put("subsysname", s.getSubsysname())
                                        .put("sub_code", s.getSubCode()));
        return write(array);
    }

    public static String notifies(ListNotifiesReply reply) {
        ArrayNode array = MAPPER.createArrayNode();
        reply.getNotifiesList()
                .forEach(
                        n ->
                                array.addObject()
                                        .put("notifyname", n.getNotifyname())
                                        .put("notifymethod", n.getNotifymethod()));
        return write(array);
    }

    private static String write(ArrayNode array) {
        try {
            return MAPPER.writeValueAsString(array) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serializes", e);
        }
    }
}
