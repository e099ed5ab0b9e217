package org.opensrc.srcmstr.subsys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.proto.v1.Hello;
import org.opensrc.proto.v1.Ready;
import org.opensrc.proto.v1.SubsystemGrpc;
import org.opensrc.proto.v1.SubsystemMessage;
import org.opensrc.proto.v1.SubsystemRequest;
import org.opensrc.srcmstr.control.LocalServer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Who may attach: a raw client speaking the proto, as a daemon in another language would. */
class AttachRefusalTest {

    private static final int SELF = (int) ProcessHandle.current().pid();

    @TempDir Path dir;

    private SubsystemHub hub;
    private LocalServer server;
    private SrcClient client;

    private void start() {
        hub = new SubsystemHub(new ReplyTimeout(Duration.ofSeconds(5)), SubsystemHub.Listener.NONE);
        server = LocalServer.start(dir.resolve("s.sock"), List.of(new SubsystemService(hub)));
        client = SrcClient.localOverGrpcJava(dir.resolve("s.sock"));
    }

    @AfterEach
    void close() {
        client.close();
        server.close();
        hub.close();
    }

    /** Opens Attach, sends {@code first}, and returns how the call ended. */
    private Status attachWith(SubsystemMessage first) throws Exception {
        var ended = new CompletableFuture<Status>();
        StreamObserver<SubsystemMessage> out =
                SubsystemGrpc.newStub(client.channel())
                        .attach(
                                new StreamObserver<>() {
                                    @Override
                                    public void onNext(SubsystemRequest value) {}

                                    @Override
                                    public void onError(Throwable t) {
                                        ended.complete(assertInstanceOf(StatusRuntimeException.class, t).getStatus());
                                    }

                                    @Override
                                    public void onCompleted() {
                                        ended.complete(Status.OK);
                                    }
                                });
        out.onNext(first);
        try {
            return ended.get(5, TimeUnit.SECONDS);
        } finally {
            out.onCompleted();
        }
    }

    private static SubsystemMessage hello(String token) {
        return SubsystemMessage.newBuilder().setHello(Hello.newBuilder().setToken(token)).build();
    }

    /** A token bound to {@code pid}, as srcmstr issues one for a spawned instance. */
    private String issue(int pid) {
        String token = hub.newToken("sample");
        hub.bind(token, pid);
        return token;
    }

    @Test
    void anUnknownTokenIsRefused() throws Exception {
        start();
        assertEquals(Status.Code.PERMISSION_DENIED, attachWith(hello("not-a-token")).getCode());
    }

    @Test
    void aFirstMessageOtherThanHelloIsRefused() throws Exception {
        start();
        issue(SELF);
        var ready = SubsystemMessage.newBuilder().setReady(Ready.getDefaultInstance()).build();
        assertEquals(Status.Code.PERMISSION_DENIED, attachWith(ready).getCode());
    }

    @Test
    void aProcessThatIsNotTheInstanceItselfIsRefusedEvenWithItsToken() throws Exception {
        start();
        String token = issue(999_999);
        assertEquals(Status.Code.PERMISSION_DENIED, attachWith(hello(token)).getCode());
        assertFalse(hub.isAttached(999_999));
    }

    @Test
    void aChildOfTheInstanceThatKnowsTheTokenIsRefused() throws Exception {
        start();
        int parent = (int) ProcessHandle.current().parent().orElseThrow().pid();
        String token = issue(parent);
        assertEquals(Status.Code.PERMISSION_DENIED, attachWith(hello(token)).getCode());
        assertFalse(hub.isAttached(parent));
    }

    @Test
    void theInstanceItselfMayAttach() throws Exception {
        start();
        String token = issue(SELF);
        var ended = new CompletableFuture<Status>();
        StreamObserver<SubsystemMessage> out =
                SubsystemGrpc.newStub(client.channel())
                        .attach(
                                new StreamObserver<>() {
                                    @Override
                                    public void onNext(SubsystemRequest value) {}

                                    @Override
                                    public void onError(Throwable t) {
                                        ended.complete(Status.fromThrowable(t));
                                    }

                                    @Override
                                    public void onCompleted() {
                                        ended.complete(Status.OK);
                                    }
                                });
        out.onNext(hello(token));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!hub.isAttached(SELF)) {
            assertTrue(System.nanoTime() < deadline && !ended.isDone(), "not attached");
            Thread.onSpinWait();
        }
        out.onCompleted();
        assertEquals(Status.OK, ended.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aSecondAttachWithTheSameTokenReplacesTheFirst() throws Exception {
        start();
        String token = issue(SELF);
        var first = new CompletableFuture<Status>();
        StreamObserver<SubsystemMessage> out =
                SubsystemGrpc.newStub(client.channel())
                        .attach(
                                new StreamObserver<>() {
                                    @Override
                                    public void onNext(SubsystemRequest value) {}

                                    @Override
                                    public void onError(Throwable t) {
                                        first.complete(Status.fromThrowable(t));
                                    }

                                    @Override
                                    public void onCompleted() {
                                        first.complete(Status.OK);
                                    }
                                });
        out.onNext(hello(token));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!hub.isAttached(SELF)) {
            assertTrue(System.nanoTime() < deadline, "the first Attach was not admitted");
            Thread.onSpinWait();
        }
        // the second Attach never ends by itself: attachWith would wait, so open it by hand
        StreamObserver<SubsystemMessage> second =
                SubsystemGrpc.newStub(client.channel())
                        .attach(
                                new StreamObserver<>() {
                                    @Override
                                    public void onNext(SubsystemRequest value) {}

                                    @Override
                                    public void onError(Throwable t) {}

                                    @Override
                                    public void onCompleted() {}
                                });
        second.onNext(hello(token));
        assertEquals(Status.Code.ABORTED, first.get(5, TimeUnit.SECONDS).getCode());
        assertTrue(hub.isAttached(SELF));
        second.onCompleted();
    }
}
