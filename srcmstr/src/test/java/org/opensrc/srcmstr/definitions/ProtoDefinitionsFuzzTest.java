package org.opensrc.srcmstr.definitions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.InvalidProtocolBufferException;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import org.opensrc.proto.v1.NotifyDef;
import org.opensrc.proto.v1.SubserverChange;
import org.opensrc.proto.v1.SubserverDef;
import org.opensrc.proto.v1.SubsystemChange;
import org.opensrc.proto.v1.SubsystemDef;
import org.opensrc.srcmstr.registry.ObjectClass;
import org.opensrc.srcmstr.registry.Registry;
import org.opensrc.srcmstr.registry.RegistryCodec;
import org.opensrc.srcmstr.registry.SubsystemDefaults;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;

/**
 * Fuzzes what srcmstr does with the bytes of a definition request (mkssys, chssys, mkserver, chserver, mknotify): they
 * parse as the request message or are refused by protobuf; the conversion to a record either succeeds or is refused as
 * INVALID_ARGUMENT; the operation then returns a result and never throws; and a registry it accepts is one the registry
 * files can store and read back unchanged. The last input byte picks the request; the rest is the message.
 */
class ProtoDefinitionsFuzzTest {

    private enum Request {
        ADD_SUBSYSTEM,
        CHANGE_SUBSYSTEM,
        ADD_SUBSERVER,
        CHANGE_SUBSERVER,
        ADD_NOTIFY
    }

    private static final UserNames USERS = name -> name.equals("daemon") ? OptionalLong.of(1) : OptionalLong.empty();
    private static final Registry START =
            new Registry(
                    List.of(
                            new org.opensrc.srcmstr.registry.SubsystemDef(
                                    "inetd",
                                    "superd",
                                    "-d",
                                    "/usr/sbin/inetd",
                                    0,
                                    0,
                                    SubsystemDefaults.CONSOLE,
                                    SubsystemDefaults.CONSOLE,
                                    SubsystemDefaults.CONSOLE,
                                    org.opensrc.srcmstr.registry.SubsystemDef.Action.RESPAWN,
                                    false,
                                    org.opensrc.srcmstr.registry.SubsystemDef.Contact.SOCKET,
                                    0,
                                    0,
                                    20,
                                    "",
                                    "",
                                    true,
                                    20,
                                    "tcpip",
                                    org.opensrc.srcmstr.registry.SubsystemDef.Extensions.NONE)),
                    List.of(new org.opensrc.srcmstr.registry.SubserverDef("ftp", "inetd", 21)),
                    List.of(new org.opensrc.srcmstr.registry.NotifyDef("tcpip", "/usr/bin/page-oncall")));

    private final RegistryCodec codec = new RegistryCodec();

    @FuzzTest(maxDuration = "10s")
    void convertsOrRefusesAsInvalidArgumentAndStoresOnlyWhatReadsBack(FuzzedDataProvider data) throws Exception {
        Request kind = data.pickValue(Request.values());
        byte[] bytes = data.consumeRemainingAsBytes();
        Operation operation;
        try {
            operation = operation(kind, bytes);
        } catch (InvalidProtocolBufferException e) {
            return;
        } catch (StatusRuntimeException e) {
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.toString());
            return;
        }
        if (operation.apply(START) instanceof DefinitionResult.Applied applied) {
            Registry next = applied.next();
            Path dir = Path.of("/etc/src");
            assertEquals(
                    next,
                    codec.read(
                            dir,
                            codec.encode(ObjectClass.SUBSYS, next),
                            codec.encode(ObjectClass.SUBSVR, next),
                            codec.encode(ObjectClass.NOTIFY, next)));
        }
    }

    /** The operation DefinitionService builds from this request. */
    private static Operation operation(Request kind, byte[] bytes) throws InvalidProtocolBufferException {
        return switch (kind) {
            case ADD_SUBSYSTEM ->
                    new Operation.AddSubsystem(
                            ProtoDefinitions.subsystem(SubsystemDef.parseFrom(bytes), USERS, true, 0));
            case CHANGE_SUBSYSTEM -> ProtoDefinitions.change(SubsystemChange.parseFrom(bytes), USERS);
            case ADD_SUBSERVER -> new Operation.AddSubserver(ProtoDefinitions.subserver(SubserverDef.parseFrom(bytes)));
            case CHANGE_SUBSERVER -> {
                SubserverChange request = SubserverChange.parseFrom(bytes);
                yield new Operation.ChangeSubserver(
                        request.getSubType(),
                        ProtoDefinitions.subserver(request.getValues()),
                        new HashSet<>(request.getFieldsList()));
            }
            case ADD_NOTIFY -> new Operation.AddNotify(ProtoDefinitions.notify(NotifyDef.parseFrom(bytes)));
        };
    }
}
