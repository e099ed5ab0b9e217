package org.opensrc.cli.remote;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.stub.StreamObserver;

import org.opensrc.proto.v1.ControlGrpc;
import org.opensrc.proto.v1.Outcome;
import org.opensrc.proto.v1.RefreshRequest;
import org.opensrc.proto.v1.RequestReply;
import org.opensrc.proto.v1.SrcCode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A TLS server on 127.0.0.1 whose Control service answers refresh with 0513-095. */
final class FakeRemoteSrcmstr implements AutoCloseable {

    final List<String> refreshed = new CopyOnWriteArrayList<>();
    private final Server server;

    FakeRemoteSrcmstr(Path serverBundle) throws IOException {
        var tls =
                GrpcSslContexts.forServer(
                                serverBundle.resolve("server.pem").toFile(),
                                serverBundle.resolve("server.key").toFile())
                        .trustManager(serverBundle.resolve("ca.pem").toFile())
                        .clientAuth(ClientAuth.REQUIRE)
                        .build();
        server =
                NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                        .sslContext(tls)
                        .addService(
                                new ControlGrpc.ControlImplBase() {
                                    @Override
                                    public void refresh(RefreshRequest request, StreamObserver<RequestReply> reply) {
                                        refreshed.add(request.getTarget().getSubsystem());
                                        reply.onNext(
                                                RequestReply.newBuilder()
                                                        .addOutcomes(
                                                                Outcome.newBuilder().setCode(SrcCode.SRC_CODE_REFOK))
                                                        .build());
                                        reply.onCompleted();
                                    }
                                })
                        .build()
                        .start();
    }

    String address() {
        return "127.0.0.1:" + ((InetSocketAddress) server.getListenSockets().getFirst()).getPort();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(2, TimeUnit.SECONDS);
    }
}
