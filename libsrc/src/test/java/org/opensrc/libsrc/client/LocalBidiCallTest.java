package org.opensrc.libsrc.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.okhttp.internal.framed.ErrorCode;
import io.grpc.okhttp.internal.framed.Settings;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensrc.libsrc.client.FakeHttp2Server.Data;
import org.opensrc.libsrc.client.FakeHttp2Server.Headers;
import org.opensrc.libsrc.client.FakeHttp2Server.Peer;
import org.opensrc.libsrc.client.FakeHttp2Server.SettingsAck;
import org.opensrc.proto.v1.Hello;
import org.opensrc.proto.v1.StatusCommand;
import org.opensrc.proto.v1.SubsystemGrpc;
import org.opensrc.proto.v1.SubsystemMessage;
import org.opensrc.proto.v1.SubsystemRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

class LocalBidiCallTest {

    /** Bounds every wait: a broken client fails the test instead of hanging it. */
    private static final long LIMIT_SECONDS = 20;

    @TempDir Path dir;
    private FakeHttp2Server server;

    @BeforeEach
    void listen() throws IOException {
        server = new FakeHttp2Server(dir);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private LocalBidiCall<SubsystemMessage, SubsystemRequest> start() {
        return LocalBidiCall.start(server.path(), SubsystemGrpc.getAttachMethod(), Duration.ofSeconds(LIMIT_SECONDS));
    }

    /** {@code call.next()} on a thread of its own (the reading side of a duplex call). */
    private static CompletableFuture<SubsystemRequest> reading(LocalBidiCall<?, SubsystemRequest> call) {
        var next = new CompletableFuture<SubsystemRequest>();
        Thread.ofVirtual()
                .start(
                        () -> {
                            try {
                                next.complete(call.next());
                            } catch (RuntimeException e) {
                                next.completeExceptionally(e);
                            }
                        });
        return next;
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(LIMIT_SECONDS, TimeUnit.SECONDS);
    }

    private static Status.Code failure(CompletableFuture<?> future) throws Exception {
        var e = assertThrows(ExecutionException.class, () -> await(future));
        return ((StatusRuntimeException) e.getCause()).getStatus().getCode();
    }

    private static byte[] framed(com.google.protobuf.MessageLite message) {
        byte[] bytes = message.toByteArray();
        byte[] framed = Arrays.copyOf(new byte[5], 5 + bytes.length);
        framed[4] = (byte) bytes.length;
        framed[3] = (byte) (bytes.length >>> 8);
        System.arraycopy(bytes, 0, framed, 5, bytes.length);
        return framed;
    }

    private static SubsystemMessage hello(String token) {
        return SubsystemMessage.newBuilder().setHello(Hello.newBuilder().setToken(token).setPid(42)).build();
    }

    private static SubsystemRequest status(long id) {
        return SubsystemRequest.newBuilder().setRequestId(id).setStatus(StatusCommand.newBuilder()).build();
    }

    @Test
    void messagesGoBothWaysOnOneStreamUntilTheServersStatusEndsIt() throws Exception {
        try (var call = start();
                Peer peer = server.accept()) {
            peer.settings(new Settings());
            Headers request = peer.next(Headers.class);
            assertEquals("/srcmstr.v1.Subsystem/Attach", request.value(":path"));
            assertEquals("application/grpc", request.value("content-type"));
            assertTrue(!request.end(), "the request side stays open");

            call.send(hello("t1"));
            Data sent = peer.next(Data.class);
            assertArrayEquals(framed(hello("t1")), sent.bytes());
            assertTrue(!sent.end());

            var first = reading(call);
            peer.responseHeaders(request.stream());
            peer.data(request.stream(), framed(status(7)), 3, false); // one message over several DATA frames
            assertEquals(status(7), await(first));

            peer.data(request.stream(), concat(framed(status(8)), framed(status(9))), 1000, false);
            assertEquals(status(8), await(reading(call)));
            assertEquals(status(9), await(reading(call)));

            call.halfClose();
            assertTrue(peer.next(Data.class).end(), "half-close is an empty DATA frame with END_STREAM");
            var end = reading(call);
            peer.trailers(request.stream(), 0);
            assertNull(await(end));
        }
    }

    @Test
    void theServersErrorStatusEndsTheCallWithThatStatus() throws Exception {
        try (var call = start();
                Peer peer = server.accept()) {
            peer.settings(new Settings());
            Headers request = peer.next(Headers.class);
            var end = reading(call);
            peer.headers(
                    request.stream(),
                    java.util.List.of(
                            new io.grpc.okhttp.internal.framed.Header(
                                    io.grpc.okhttp.internal.framed.Header.RESPONSE_STATUS, "200"),
                            new io.grpc.okhttp.internal.framed.Header("content-type", "application/grpc"),
                            new io.grpc.okhttp.internal.framed.Header("grpc-status", "7")),
                    true);
            assertEquals(Status.Code.PERMISSION_DENIED, failure(end));
        }
    }

    @Test
    void aMessageLargerThanTheServersWindowIsSentAsTheWindowOpens() throws Exception {
        try (var call = start();
                Peer peer = server.accept()) {
            var reader = reading(call); // applies the server's frames while the test sends
            peer.settings(new Settings().set(Settings.INITIAL_WINDOW_SIZE, 0, 16));
            Headers request = peer.next(Headers.class);
            peer.next(SettingsAck.class); // the client has applied the 16-byte window

            SubsystemMessage big = hello("x".repeat(100));
            byte[] expected = framed(big);
            var sent = CompletableFuture.runAsync(() -> call.send(big), r -> Thread.ofVirtual().start(r));
            var received = new ByteArrayOutputStream();
            long granted = 16;
            while (received.size() < expected.length) {
                Data data = peer.next(Data.class);
                received.write(data.bytes());
                assertTrue(received.size() <= granted, "the client sent beyond the window: " + received.size());
                if (received.size() == granted) {
                    peer.windowUpdate(request.stream(), 16);
                    granted += 16;
                }
            }
            await(sent);
            assertArrayEquals(expected, received.toByteArray());
            peer.trailers(request.stream(), 0);
            assertNull(await(reader));
        }
    }

    @Test
    void aSenderWaitingForTheWindowFailsWhenTheConnectionCloses() throws Exception {
        try (var call = start();
                Peer peer = server.accept()) {
            var reader = reading(call);
            peer.settings(new Settings().set(Settings.INITIAL_WINDOW_SIZE, 0, 0));
            peer.next(Headers.class);
            peer.next(SettingsAck.class);
            var sent = CompletableFuture.runAsync(() -> call.send(hello("t1")), r -> Thread.ofVirtual().start(r));
            peer.close();
            assertEquals(Status.Code.UNAVAILABLE, failure(reader));
            assertEquals(Status.Code.UNAVAILABLE, failure(sent));
        }
    }

    @Test
    void aGoAwayBelowTheStreamEndsItAsUnavailable() throws Exception {
        try (var call = start();
                Peer peer = server.accept()) {
            peer.settings(new Settings());
            peer.next(Headers.class);
            var end = reading(call);
            peer.goAway(0, ErrorCode.NO_ERROR);
            assertEquals(Status.Code.UNAVAILABLE, failure(end));
        }
    }

    @Test
    void aGoAwayAboveTheStreamLetsItGoOn() throws Exception {
        try (var call = start();
                Peer peer = server.accept()) {
            peer.settings(new Settings());
            Headers request = peer.next(Headers.class);
            var next = reading(call);
            peer.goAway(Integer.MAX_VALUE, ErrorCode.NO_ERROR);
            peer.responseHeaders(request.stream());
            peer.data(request.stream(), framed(status(3)), 1000, false);
            assertEquals(status(3), await(next));
        }
    }

    @Test
    void withNoServerTheCallIsUnavailable() throws Exception {
        server.close();
        var e = assertThrows(StatusRuntimeException.class, this::start);
        assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
