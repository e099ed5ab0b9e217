package org.opensrc.libsrc.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensrc.proto.v1.SubsystemDef;

import java.nio.file.Path;

class UnaryCallTest {

    @Test
    void theTimeoutHeaderKeepsAtMostEightDigitsInTheFinestUnitThatFits() {
        assertEquals("999n", UnaryCall.grpcTimeout(999));
        assertEquals("99999999n", UnaryCall.grpcTimeout(99_999_999));
        assertEquals("100000u", UnaryCall.grpcTimeout(100_000_000));
        assertEquals("65000000u", UnaryCall.grpcTimeout(65_000_000_000L));
        assertEquals("650000m", UnaryCall.grpcTimeout(650_000_000_000L));
        assertEquals("100000S", UnaryCall.grpcTimeout(100_000_000_000_000L));
    }

    @Test
    void theStatusMessageIsPercentDecodedUtf8() {
        assertEquals("plain text", UnaryCall.percentDecoded("plain text"));
        assertEquals("0513-085 déjà\n", UnaryCall.percentDecoded("0513-085 d%C3%A9j%C3%A0%0A"));
        assertEquals("100% sure", UnaryCall.percentDecoded("100% sure"));
        assertEquals("50%", UnaryCall.percentDecoded("50%"));
    }

    @Test
    void aRequestOverSrcmstrsMaximumIsRefusedWithResourceExhaustedBeforeAnyConnection(@TempDir Path dir) {
        // nothing listens on the socket: a client that tried to send would fail with UNAVAILABLE
        SubsystemDef huge =
                SubsystemDef.newBuilder()
                        .setSubsysname("huge")
                        .setPath("/bin/true")
                        .setCmdargs("x".repeat(SrcClient.MAX_REQUEST_BYTES))
                        .build();
        try (SrcClient client = SrcClient.local(dir.resolve("nobody-listens.sock"))) {
            var refused = assertThrows(StatusRuntimeException.class, () -> client.definitions().addSubsystem(huge));
            assertEquals(Status.Code.RESOURCE_EXHAUSTED, refused.getStatus().getCode());
            assertTrue(refused.getStatus().getDescription().contains("maximum of 262144"), refused.toString());
        }
    }
}
