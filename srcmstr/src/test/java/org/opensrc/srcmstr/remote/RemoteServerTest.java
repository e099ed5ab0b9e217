package org.opensrc.srcmstr.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.socket.InternetProtocolFamily;
import io.grpc.stub.StreamObserver;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensrc.libsrc.SrcFailure;
import org.opensrc.libsrc.SrcPaths;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.proto.v1.DefinitionsGrpc;
import org.opensrc.proto.v1.ListSubsystemsRequest;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.proto.v1.SubsystemDef;
import org.opensrc.proto.v1.SubsystemGrpc;
import org.opensrc.proto.v1.SubsystemMessage;
import org.opensrc.proto.v1.SubsystemRequest;
import org.opensrc.testkit.TestCertificates;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Real TLS on 127.0.0.1 with certificates made by mksrccert. */
class RemoteServerTest {

    @TempDir static Path root;

    private static final RecordingDefinitions DEFINITIONS = new RecordingDefinitions();
    private static RemoteServer server;
    private static Path site;
    private static Path otherSite;
    private static Path twoNames;

    @BeforeAll
    static void startServer() throws Exception {
        site = root.resolve("site");
        otherSite = root.resolve("other");
        TestCertificates.run("ca", site.toString());
        TestCertificates.run("server", site.toString(), "localhost", "127.0.0.1");
        TestCertificates.run("client", site.toString(), "admin");
        TestCertificates.run("client", site.toString(), "stranger");
        TestCertificates.run("client", site.toString(), "old", "0");
        TestCertificates.run("ca", otherSite.toString());
        TestCertificates.run("client", otherSite.toString(), "admin");

        SrcPaths paths = new SrcPaths(root.resolve("srcroot"));
        Files.createDirectories(paths.remoteDir());
        for (String file : List.of("server.pem", "server.key", "ca.pem")) {
            Files.copy(site.resolve("localhost").resolve(file), paths.remoteDir().resolve(file));
        }
        Files.writeString(paths.remoteDir().resolve("allow"), "# operators\nadmin\nold   # expired, yet listed\nops\n");
        for (String file : List.of("server.key", "allow")) {
            Files.setPosixFilePermissions(
                    paths.remoteDir().resolve(file), PosixFilePermissions.fromString("rw-------"));
        }
        twoNames = TestCertificates.withTwoCommonNames(site, root.resolve("two-cns"), "bob", "ops");
        RemoteConfig config =
                RemoteConfig.load(
                        paths, Map.of(RemoteConfig.BIND_VARIABLE, "127.0.0.1", RemoteConfig.PORT_VARIABLE, "0"), 0);
        server = RemoteServer.start(config, List.of(DEFINITIONS, new SubsystemGrpc.SubsystemImplBase() {}));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void forgetCalls() {
        DEFINITIONS.calls.clear();
    }

    private static String address() {
        return "127.0.0.1:" + server.port();
    }

    private static SrcCode failureOf(Path certDir) {
        try (SrcClient client = SrcClient.remote(address(), certDir)) {
            var e =
                    assertThrows(
                            StatusRuntimeException.class,
                            () ->
                                    client.definitions()
                                            .addSubsystem(SubsystemDef.newBuilder().setSubsysname("evil").build()));
            return SrcFailure.from(e).orElseThrow().code();
        }
    }

    @Test
    void anAllowListedClientCertificateReachesTheServiceAsThatIdentity() {
        try (SrcClient client = SrcClient.remote(address(), site.resolve("admin"))) {
            client.definitions().listSubsystems(ListSubsystemsRequest.getDefaultInstance());
            client.definitions().addSubsystem(SubsystemDef.newBuilder().setSubsysname("daemon").build());
        }
        assertEquals(List.of("list by remote=admin", "add daemon by remote=admin"), DEFINITIONS.calls);
    }

    @Test
    void theServerNameInTheCertificateIsCheckedByTheClient() {
        try (SrcClient client = SrcClient.remote("localhost:" + server.port(), site.resolve("admin"))) {
            client.definitions().listSubsystems(ListSubsystemsRequest.getDefaultInstance());
        }
        assertEquals(1, DEFINITIONS.calls.size());
    }

    @Test
    void aValidCertificateWhoseNameIsNotAllowListedGets027AndChangesNothing() {
        assertEquals(SrcCode.SRC_CODE_INET_AUTHORIZED_HOST, failureOf(site.resolve("stranger")));
        try (SrcClient client = SrcClient.remote(address(), site.resolve("stranger"))) {
            var e =
                    assertThrows(
                            StatusRuntimeException.class,
                            () -> client.definitions().listSubsystems(ListSubsystemsRequest.getDefaultInstance()));
            assertEquals(Status.Code.PERMISSION_DENIED, e.getStatus().getCode());
        }
        assertEquals(List.of(), DEFINITIONS.calls);
    }

    @Test
    void aCertificateWithTwoCommonNamesGets027EvenWhenOneIsAllowListed() {
        assertEquals(SrcCode.SRC_CODE_INET_AUTHORIZED_HOST, failureOf(twoNames));
        assertEquals(List.of(), DEFINITIONS.calls);
    }

    @Test
    void anIpv4BindAddressGetsAnIpv4OnlySocket() {
        assertEquals(InternetProtocolFamily.IPv4, RemoteServer.family(new InetSocketAddress("0.0.0.0", 1)));
        assertEquals(InternetProtocolFamily.IPv6, RemoteServer.family(new InetSocketAddress("::", 1)));
        assertEquals(InternetProtocolFamily.IPv6, RemoteServer.family(new InetSocketAddress("::1", 1)));
    }

    @Test
    void aCertificateFromAnotherCaIsRefusedInTheHandshakeEvenWithAnAllowListedName() {
        assertEquals(SrcCode.SRC_CODE_SOCK, failureOf(otherSite.resolve("admin")));
        assertEquals(List.of(), DEFINITIONS.calls);
    }

    @Test
    void anExpiredCertificateIsRefusedInTheHandshakeEvenWithAnAllowListedName() {
        assertEquals(SrcCode.SRC_CODE_SOCK, failureOf(site.resolve("old")));
        assertEquals(List.of(), DEFINITIONS.calls);
    }

    @Test
    void aClientWithoutCertificateIsRefused() throws Exception {
        var tls = GrpcSslContexts.forClient().trustManager(site.resolve("ca.pem").toFile()).build();
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).sslContext(tls).build();
        try {
            var e =
                    assertThrows(
                            StatusRuntimeException.class,
                            () ->
                                    DefinitionsGrpc.newBlockingStub(channel)
                                            .addSubsystem(SubsystemDef.newBuilder().setSubsysname("evil").build()));
            assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
        } finally {
            channel.shutdownNow().awaitTermination(2, TimeUnit.SECONDS);
        }
        assertEquals(List.of(), DEFINITIONS.calls);
    }

    @Test
    void aPlaintextClientIsRefused() throws Exception {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
        try {
            var e =
                    assertThrows(
                            StatusRuntimeException.class,
                            () ->
                                    DefinitionsGrpc.newBlockingStub(channel)
                                            .addSubsystem(SubsystemDef.newBuilder().setSubsysname("evil").build()));
            assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
        } finally {
            channel.shutdownNow().awaitTermination(2, TimeUnit.SECONDS);
        }
        assertEquals(List.of(), DEFINITIONS.calls);
    }

    @Test
    void theSubsystemServiceIsNotServedRemotely() throws Exception {
        var closed = new CompletableFuture<Status>();
        try (SrcClient client = SrcClient.remote(address(), site.resolve("admin"))) {
            StreamObserver<SubsystemMessage> up =
                    SubsystemGrpc.newStub(client.channel())
                            .attach(
                                    new StreamObserver<>() {
                                        @Override
                                        public void onNext(SubsystemRequest value) {}

                                        @Override
                                        public void onError(Throwable t) {
                                            closed.complete(Status.fromThrowable(t));
                                        }

                                        @Override
                                        public void onCompleted() {
                                            closed.complete(Status.OK);
                                        }
                                    });
            up.onNext(SubsystemMessage.getDefaultInstance());
            assertEquals(Status.Code.UNIMPLEMENTED, closed.get(10, TimeUnit.SECONDS).getCode());
        }
    }
}
