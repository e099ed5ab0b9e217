package org.opensrc.libsrc.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.StatusRuntimeException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensrc.libsrc.SrcFailure;
import org.opensrc.proto.v1.ListSubsystemsRequest;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.testkit.TestCertificates;

import java.net.ServerSocket;
import java.nio.file.Path;

class SrcClientRemoteTest {

    @TempDir Path dir;

    @Test
    void anUnknownHostIsReportedAs054WithItsName() {
        var e = assertThrows(StatusRuntimeException.class, () -> SrcClient.remote("nohost.invalid", dir));
        var failure = SrcFailure.from(e).orElseThrow();
        assertEquals(SrcCode.SRC_CODE_UHOST, failure.code());
        assertEquals("nohost.invalid", failure.args().getFirst());
    }

    @Test
    void missingCertificatesAreReportedAs053() {
        var e = assertThrows(StatusRuntimeException.class, () -> SrcClient.remote("127.0.0.1", dir));
        assertEquals(SrcCode.SRC_CODE_SOCK, SrcFailure.from(e).orElseThrow().code());
    }

    @Test
    void aHostWithNothingListeningIsReportedAs053() throws Exception {
        TestCertificates.run("ca", dir.resolve("ca").toString());
        TestCertificates.run("client", dir.resolve("ca").toString(), "admin");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there now
        }
        try (SrcClient client = SrcClient.remote("127.0.0.1:" + port, dir.resolve("ca/admin"))) {
            var e =
                    assertThrows(
                            StatusRuntimeException.class,
                            () -> client.definitions().listSubsystems(ListSubsystemsRequest.getDefaultInstance()));
            assertEquals(SrcCode.SRC_CODE_SOCK, SrcFailure.from(e).orElseThrow().code());
        }
    }
}
