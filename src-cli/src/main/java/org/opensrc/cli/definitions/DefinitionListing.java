package org.opensrc.cli.definitions;

import io.grpc.StatusRuntimeException;

import org.opensrc.libsrc.SrcFailure;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.proto.v1.ListNotifiesReply;
import org.opensrc.proto.v1.ListNotifiesRequest;
import org.opensrc.proto.v1.ListSubserversReply;
import org.opensrc.proto.v1.ListSubserversRequest;
import org.opensrc.proto.v1.ListSubsystemsReply;
import org.opensrc.proto.v1.ListSubsystemsRequest;
import org.opensrc.proto.v1.SrcCode;

import java.io.PrintWriter;
import java.util.function.Supplier;

/** {@code lssrc -S / -T / -N}: definitions in SMIT (colon) format, or JSON. */
public final class DefinitionListing {

    private final PrintWriter out;
    private final boolean json;

    public DefinitionListing(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /**
     * Prints the listing asked for; request-level failures are thrown to the command. As AIX 4.1 ({@code srcprint.c}),
     * finding nothing is not a failure: {@code -S -s name} of an unknown name prints nothing, and a whole class with no
     * objects prints its header only; both exit 0. A named {@code -T -t} / {@code -N -n} lookup keeps its message.
     */
    public int print(
            SrcClient client,
            boolean subsystems,
            boolean subservers,
            String subsystem,
            String type,
            String notifyName,
            boolean defaults) {
        String text;
        if (subsystems) {
            boolean named = subsystem != null;
            ListSubsystemsReply reply =
                    defaults
                            ? ListSubsystemsReply.newBuilder()
                                    .addSubsystems(AixDefaults.subsystem().setAuditid(0))
                                    .build()
                            : orEmpty(
                                    () ->
                                            client.definitions()
                                                    .listSubsystems(
                                                            ListSubsystemsRequest.newBuilder()
                                                                    .setSubsysname(named ? subsystem : "")
                                                                    .build()),
                                    named ? SrcCode.SRC_CODE_SUBSYS : SrcCode.SRC_CODE_NOREC,
                                    ListSubsystemsReply.getDefaultInstance());
            text = json ? JsonListing.subsystems(reply) : subsystemsText(reply, named);
        } else if (subservers) {
            var reply =
                    type != null
                            ? client.definitions()
                                    .listSubservers(ListSubserversRequest.newBuilder().setSubType(type).build())
                            : orEmpty(
                                    () ->
                                            client.definitions()
                                                    .listSubservers(ListSubserversRequest.getDefaultInstance()),
                                    SrcCode.SRC_CODE_NOREC,
                                    ListSubserversReply.getDefaultInstance());
            text = json ? JsonListing.subservers(reply) : SmitFormat.subservers(reply);
        } else {
            var reply =
                    notifyName != null
                            ? client.definitions()
                                    .listNotifies(ListNotifiesRequest.newBuilder().setNotifyname(notifyName).build())
                            : orEmpty(
                                    () -> client.definitions().listNotifies(ListNotifiesRequest.getDefaultInstance()),
                                    SrcCode.SRC_CODE_NOREC,
                                    ListNotifiesReply.getDefaultInstance());
            text = json ? JsonListing.notifies(reply) : SmitFormat.notifies(reply);
        }
        out.print(text.endsWith("\n") || text.isEmpty() ? text : text + "\n");
        out.flush();
        return 0;
    }

    /** {@code lssrc -S}: header and lines, or nothing when a named subsystem is not on file. */
    static String subsystemsText(ListSubsystemsReply reply, boolean named) {
        return named && reply.getSubsystemsCount() == 0 ? "" : SmitFormat.subsystems(reply);
    }

    /** The listing, or {@code empty} when srcmstr answers {@code nothing} (nothing to list). */
    static <T> T orEmpty(Supplier<T> listing, SrcCode nothing, T empty) {
        try {
            return listing.get();
        } catch (StatusRuntimeException e) {
            if (SrcFailure.from(e).map(f -> f.code() == nothing).orElse(false)) {
                return empty;
            }
            throw e;
        }
    }
}
