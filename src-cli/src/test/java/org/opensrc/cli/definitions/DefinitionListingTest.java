package org.opensrc.cli.definitions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import org.junit.jupiter.api.Test;
import org.opensrc.libsrc.SrcFailure;
import org.opensrc.proto.v1.ListSubserversReply;
import org.opensrc.proto.v1.ListSubsystemsReply;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.proto.v1.SubsystemDef;

class DefinitionListingTest {

    private static StatusRuntimeException failure(SrcCode code, String... args) {
        return SrcFailure.of(Status.Code.NOT_FOUND, code, args).toException();
    }

    @Test
    void aNamedSubsystemThatIsNotOnFileListsNothingAtAll() {
        ListSubsystemsReply reply =
                DefinitionListing.orEmpty(
                        () -> {
                            throw failure(SrcCode.SRC_CODE_SUBSYS, "nosuch");
                        },
                        SrcCode.SRC_CODE_SUBSYS,
                        ListSubsystemsReply.getDefaultInstance());
        assertEquals("", DefinitionListing.subsystemsText(reply, true));
    }

    @Test
    void anEmptyClassListsItsHeaderOnly() {
        ListSubserversReply reply =
                DefinitionListing.orEmpty(
                        () -> {
                            throw failure(SrcCode.SRC_CODE_NOREC);
                        },
                        SrcCode.SRC_CODE_NOREC,
                        ListSubserversReply.getDefaultInstance());
        assertEquals(SmitFormat.SUBSVR_HEADER + "\n", SmitFormat.subservers(reply));
        assertEquals(
                SmitFormat.SUBSYS_HEADER + "\n",
                DefinitionListing.subsystemsText(ListSubsystemsReply.getDefaultInstance(), false));
    }

    @Test
    void aFoundSubsystemListsHeaderAndLine() {
        var reply =
                ListSubsystemsReply.newBuilder().addSubsystems(SubsystemDef.newBuilder().setSubsysname("sshd")).build();
        String text = DefinitionListing.subsystemsText(reply, true);
        assertEquals(2, text.lines().count(), text);
        assertEquals(SmitFormat.SUBSYS_HEADER, text.lines().findFirst().orElseThrow());
    }

    @Test
    void anyOtherFailureStillReachesTheCommand() {
        StatusRuntimeException denied = failure(SrcCode.SRC_CODE_DMNA);
        assertSame(
                denied,
                assertThrows(
                        StatusRuntimeException.class,
                        () ->
                                DefinitionListing.orEmpty(
                                        () -> {
                                            throw denied;
                                        },
                                        SrcCode.SRC_CODE_NOREC,
                                        ListSubserversReply.getDefaultInstance())));
        StatusRuntimeException plain = Status.UNAVAILABLE.asRuntimeException();
        assertSame(
                plain,
                assertThrows(
                        StatusRuntimeException.class,
                        () ->
                                DefinitionListing.orEmpty(
                                        () -> {
                                            throw plain;
                                        },
                                        SrcCode.SRC_CODE_NOREC,
                                        ListSubserversReply.getDefaultInstance())));
    }
}
