package org.opensrc.cli.definitions;

import java.io.PrintWriter;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.proto.v1.ListNotifiesRequest;
import org.opensrc.proto.v1.ListSubserversRequest;
import org.opensrc.proto.v1.ListSubsystemsReply;
import org.opensrc.proto.v1.ListSubsystemsRequest;

/** {@code lssrc -S / -T / -N}: definitions in SMIT (colon) format, or JSON. */
public final class DefinitionListing {

    private final PrintWriter out;
    private final boolean json;

    public DefinitionListing(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** Prints the listing asked for; request-level failures are thrown to the command. */
    public int print(SrcClient client, boolean subsystems, boolean subservers,
            String subsystem, String type, String notifyName, boolean defaults) {
        String text;
        if (subsystems) {
            ListSubsystemsReply reply = defaults
                    ? ListSubsystemsReply.newBuilder().addSubsystems(AixDefaults.subsystem()
                            .setAuditid(0)).build()
                    : client.definitions().listSubsystems(ListSubsystemsRequest.newBuilder()
                            .setSubsysname(subsystem == null ? "" : subsystem).build());
            text = json ? JsonListing.subsystems(reply) : SmitFormat.subsystems(reply);
        } else if (subservers) {
            var reply = client.definitions().listSubservers(ListSubserversRequest.newBuilder()
                    .setSubType(type == null ? "" : type).build());
            text = json ? JsonListing.subservers(reply) : SmitFormat.subservers(reply);
        } else {
            var reply = client.definitions().listNotifies(ListNotifiesRequest.newBuilder()
                    .setNotifyname(notifyName == null ? "" : notifyName).build());
            text = json ? JsonListing.notifies(reply) : SmitFormat.notifies(reply);
        }
        out.print(text.endsWith("\n") || text.isEmpty() ? text : text + "\n");
        out.flush();
        return 0;
    }
}
