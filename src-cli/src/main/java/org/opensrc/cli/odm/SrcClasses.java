package org.opensrc.cli.odm;

import io.grpc.StatusRuntimeException;

import org.opensrc.libsrc.SrcFailure;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.proto.v1.DefinitionReply;
import org.opensrc.proto.v1.ListNotifiesRequest;
import org.opensrc.proto.v1.ListSubserversRequest;
import org.opensrc.proto.v1.ListSubsystemsRequest;
import org.opensrc.proto.v1.NameRequest;
import org.opensrc.proto.v1.SrcCode;

import java.util.List;
import java.util.function.Supplier;

/**
 * The objects of the three classes as srcmstr's Definitions service holds them (the calls mkssys, lssrc -S and the
 * others make), so the same rules and messages apply to the ODM commands.
 */
final class SrcClasses {

    private SrcClasses() {}

    /** Every object of {@code objectClass}, in registry order; none when the class is empty. */
    static List<OdmObject> list(SrcClient client, ObjectClass objectClass) {
        var definitions = client.definitions();
        return switch (objectClass) {
            case SRC_SUBSYS ->
                    orNone(
                            () ->
                                    definitions
                                            .listSubsystems(ListSubsystemsRequest.getDefaultInstance())
                                            .getSubsystemsList()
                                            .stream()
                                            .map(SrcObjects::object)
                                            .toList());
            case SRC_SUBSVR ->
                    orNone(
                            () ->
                                    definitions
                                            .listSubservers(ListSubserversRequest.getDefaultInstance())
                                            .getSubserversList()
                                            .stream()
                                            .map(SrcObjects::object)
                                            .toList());
            case SRC_NOTIFY ->
                    orNone(
                            () ->
                                    definitions
                                            .listNotifies(ListNotifiesRequest.getDefaultInstance())
                                            .getNotifiesList()
                                            .stream()
                                            .map(SrcObjects::object)
                                            .toList());
        };
    }

    /** Removes {@code object} (rmssys, rmserver or rmnotify of its key). */
    static DefinitionReply remove(SrcClient client, OdmObject object) {
        var request = NameRequest.newBuilder().setName(object.key()).build();
        var definitions = client.definitions();
        return switch (object.objectClass()) {
            case SRC_SUBSYS -> definitions.removeSubsystem(request);
            case SRC_SUBSVR -> definitions.removeSubserver(request);
            case SRC_NOTIFY -> definitions.removeNotify(request);
        };
    }

    private static List<OdmObject> orNone(Supplier<List<OdmObject>> listing) {
        try {
            return listing.get();
        } catch (StatusRuntimeException e) {
            if (SrcFailure.from(e).map(f -> f.code() == SrcCode.SRC_CODE_NOREC).orElse(false)) {
                return List.of();
            }
            throw e;
        }
    }
}
