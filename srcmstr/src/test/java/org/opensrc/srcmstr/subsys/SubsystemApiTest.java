package org.opensrc.srcmstr.subsys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.stub.StreamObserver;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensrc.libsrc.subsystem.Reply;
import org.opensrc.libsrc.subsystem.SrcConnection;
import org.opensrc.libsrc.subsystem.SrcHandler;
import org.opensrc.libsrc.subsystem.SrcSubsystem;
import org.opensrc.libsrc.subsystem.StatusRows;
import org.opensrc.libsrc.subsystem.StopMode;
import org.opensrc.libsrc.subsystem.SubserverReply;
import org.opensrc.proto.v1.RefreshCommand;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.proto.v1.Status;
import org.opensrc.proto.v1.StatusCommand;
import org.opensrc.proto.v1.StatusRow;
import org.opensrc.proto.v1.StopCommand;
import org.opensrc.proto.v1.SubserverAction;
import org.opensrc.proto.v1.SubserverCommand;
import org.opensrc.proto.v1.SubsystemReply;
import org.opensrc.proto.v1.SubsystemRequest;
import org.opensrc.proto.v1.TraceCommand;
import org.opensrc.srcmstr.control.LocalServer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Hub + Attach service + SDK end to end, in one JVM over a real Unix socket. */
class SubsystemApiTest {

    private static final int SELF = (int) ProcessHandle.current().pid();

    @TempDir Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final RecordingListener events = new RecordingListener();
    private SubsystemHub hub;

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private Path socket() {
        return dir.resolve("srcmstr.sock");
    }

    private SubsystemHub startSrcmstr(Duration replyTimeout, RecordingListener listener) {
        hub = new SubsystemHub(new ReplyTimeout(replyTimeout), listener);
        open.add(hub);
        open.add(LocalServer.start(socket(), List.of(new SubsystemService(hub))));
        return hub;
    }

    private SrcConnection daemon(String token, SrcHandler handler) {
        SrcConnection connection = SrcSubsystem.attach(socket(), token, handler);
        open.add(connection);
        return connection;
    }

    private SrcConnection attachedDaemon(SrcHandler handler) throws InterruptedException {
        String token = hub.newToken("sample");
        hub.bind(token, SELF);
        SrcConnection connection = daemon(token, handler);
        assertEquals("attached:" + SELF, events.next());
        return connection;
    }

    private static SubsystemReply await(CompletableFuture<SubsystemReply> reply) throws Exception {
        return reply.get(5, TimeUnit.SECONDS);
    }

    private static Throwable failureOf(CompletableFuture<SubsystemReply> reply) throws Exception {
        try {
            reply.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the request did not fail");
    }

    private static SubsystemRequest status(boolean longStatus) {
        return SubsystemRequest.newBuilder().setStatus(StatusCommand.newBuilder().setLong(longStatus)).build();
    }

    private static SubsystemRequest refresh() {
        return SubsystemRequest.newBuilder().setRefresh(RefreshCommand.getDefaultInstance()).build();
    }

    /** Answers every request kind with something recognisable. */
    private static final class EchoHandler implements SrcHandler {
        volatile Boolean stoppedForced;

        @Override
        public Reply stop(boolean forced) {
            stoppedForced = forced;
            return Reply.ok();
        }

        @Override
        public List<StatusRow> longStatus() {
            return List.of(StatusRows.row("Debug", "Not active"), StatusRows.blank());
        }

        @Override
        public Reply refresh() {
            return Reply.of(SrcCode.SRC_CODE_REFOK);
        }

        @Override
        public Reply trace(boolean on, boolean longTrace) {
            return Reply.message("trace " + on + " " + longTrace);
        }

        @Override
        public SubserverReply subserver(SubserverCommand command) {
            return switch (command.getAction()) {
                case SUBSERVER_ACTION_START -> SubserverReply.of(SrcCode.SRC_CODE_STRTSVROK, command.getType());
                case SUBSERVER_ACTION_STATUS ->
                        SubserverReply.rows(
                                List.of(
                                        StatusRows.subserverHeader(),
                                        StatusRows.subserverRow(
                                                command.getType(), "internal", "", Status.STATUS_ACTIVE)));
                default -> SubserverReply.notSupported();
            };
        }
    }

    @Test
    void everyRequestKindReachesTheHandlerAndItsReplyComesBack() throws Exception {
        startSrcmstr(Duration.ofSeconds(5), events);
        var handler = new EchoHandler();
        SrcConnection daemon = attachedDaemon(handler);
        assertTrue(hub.isAttached(SELF));

        SubsystemReply longStatus = await(hub.send(SELF, status(true)));
        assertEquals(List.of(StatusRows.row("Debug", "Not active"), StatusRows.blank()), longStatus.getRowsList());
        assertEquals(SrcCode.SRC_CODE_UNSPECIFIED, longStatus.getOutcome().getCode());

        assertEquals(SrcCode.SRC_CODE_REFOK, await(hub.send(SELF, refresh())).getOutcome().getCode());

        var trace =
                await(
                        hub.send(
                                SELF,
                                SubsystemRequest.newBuilder()
                                        .setTrace(TraceCommand.newBuilder().setOn(true).setLong(true))
                                        .build()));
        assertEquals(SrcCode.SRC_CODE_SUBMSG, trace.getOutcome().getCode());
        assertEquals("trace true true", trace.getOutcome().getText());

        var start =
                await(
                        hub.send(
                                SELF,
                                SubsystemRequest.newBuilder()
                                        .setSubserver(
                                                SubserverCommand.newBuilder()
                                                        .setAction(SubserverAction.SUBSERVER_ACTION_START)
                                                        .setType("alpha"))
                                        .build()));
        assertEquals(SrcCode.SRC_CODE_STRTSVROK, start.getOutcome().getCode());
        assertEquals(List.of("alpha"), start.getOutcome().getArgsList());

        var subStatus =
                await(
                        hub.send(
                                SELF,
                                SubsystemRequest.newBuilder()
                                        .setSubserver(
                                                SubserverCommand.newBuilder()
                                                        .setAction(SubserverAction.SUBSERVER_ACTION_STATUS)
                                                        .setType("alpha"))
                                        .build()));
        assertEquals(2, subStatus.getRowsCount());
        assertEquals(Status.STATUS_ACTIVE, subStatus.getRows(1).getStatus());

        var empty = await(hub.send(SELF, SubsystemRequest.getDefaultInstance()));
        assertEquals(SrcCode.SRC_CODE_SUBICMD, empty.getOutcome().getCode());

        var stop =
                await(
                        hub.send(
                                SELF,
                                SubsystemRequest.newBuilder()
                                        .setStop(StopCommand.newBuilder().setForced(true))
                                        .build()));
        assertEquals(SrcCode.SRC_CODE_UNSPECIFIED, stop.getOutcome().getCode());
        assertEquals(StopMode.FORCED, daemon.awaitStop(Duration.ofSeconds(5)).orElseThrow());
        assertEquals(Boolean.TRUE, handler.stoppedForced);
        assertEquals("detached:" + SELF, events.next());
        assertFalse(hub.isAttached(SELF));
    }

    @Test
    void defaultHandlerAnswersNotSupported() throws Exception {
        startSrcmstr(Duration.ofSeconds(5), events);
        attachedDaemon(new SrcHandler() {});
        assertEquals(SrcCode.SRC_CODE_NOSUPPORT, await(hub.send(SELF, status(true))).getOutcome().getCode());
        assertEquals(SrcCode.SRC_CODE_NOSUPPORT, await(hub.send(SELF, refresh())).getOutcome().getCode());
    }

    @Test
    void aHandlerThatThrowsAnswers087AndTheConnectionStaysUp() throws Exception {
        startSrcmstr(Duration.ofSeconds(5), events);
        attachedDaemon(
                new SrcHandler() {
                    @Override
                    public Reply refresh() {
                        throw new IllegalStateException("config is broken");
                    }
                });
        assertEquals(SrcCode.SRC_CODE_SUBICMD, await(hub.send(SELF, refresh())).getOutcome().getCode());
        assertEquals(SrcCode.SRC_CODE_SUBICMD, await(hub.send(SELF, refresh())).getOutcome().getCode());
        assertTrue(hub.isAttached(SELF));
    }

    @Test
    void readinessReachesTheListener() throws Exception {
        startSrcmstr(Duration.ofSeconds(5), events);
        SrcConnection daemon = attachedDaemon(new EchoHandler());
        daemon.ready();
        assertEquals("ready:" + SELF, events.next());
    }

    @Test
    void aBlockedHandlerTimesOutAndOtherRequestsAreStillServed() throws Exception {
        startSrcmstr(Duration.ofMillis(200), events);
        var handler = new BlockingHandler();
        attachedDaemon(handler);
        try {
            CompletableFuture<SubsystemReply> blocked = hub.send(SELF, status(true));
            Throwable failure = failureOf(blocked);
            assertInstanceOf(SubsystemTimeoutException.class, failure);
            assertEquals(SrcCode.SRC_CODE_NORPLY, ((SubsystemRequestException) failure).srcCode());
            assertEquals(SrcCode.SRC_CODE_UNSPECIFIED, await(hub.send(SELF, refresh())).getOutcome().getCode());
        } finally {
            handler.release();
        }
    }

    @Test
    void forgettingAnInstanceFailsItsRequestsInFlightAtOnce() throws Exception {
        startSrcmstr(Duration.ofSeconds(30), events);
        var handler = new BlockingHandler();
        attachedDaemon(handler);
        try {
            CompletableFuture<SubsystemReply> inFlight = hub.send(SELF, status(true));
            assertTrue(handler.entered.await(5, TimeUnit.SECONDS));
            hub.forget(SELF);
            assertTrue(inFlight.isCompletedExceptionally());
            assertInstanceOf(SubsystemGoneException.class, failureOf(inFlight));
            assertInstanceOf(NotAttachedException.class, failureOf(hub.send(SELF, refresh())));
        } finally {
            handler.release();
        }
    }

    @Test
    void aStreamThatDropsFailsItsRequestsInFlightWithoutWaitingForTheTimeout() throws Exception {
        startSrcmstr(Duration.ofSeconds(30), events);
        var handler = new BlockingHandler();
        SrcConnection daemon = attachedDaemon(handler);
        try {
            CompletableFuture<SubsystemReply> inFlight = hub.send(SELF, status(true));
            assertTrue(handler.entered.await(5, TimeUnit.SECONDS));
            daemon.close();
            assertInstanceOf(SubsystemGoneException.class, failureOf(inFlight));
            assertEquals("detached:" + SELF, events.next());
        } finally {
            handler.release();
        }
    }

    @Test
    void aDaemonReattachesWithItsTokenAfterSrcmstrRestarts() throws Exception {
        startSrcmstr(Duration.ofSeconds(5), events);
        SrcConnection daemon = attachedDaemon(new EchoHandler());
        daemon.ready();
        assertEquals("ready:" + SELF, events.next());
        List<InstanceToken> persisted = hub.tokens();

        open.remove(1).close(); // the LocalServer
        open.remove(0).close(); // the hub

        var restarted = new RecordingListener();
        startSrcmstr(Duration.ofSeconds(5), restarted);
        hub.restore(persisted);
        assertEquals("attached:" + SELF, restarted.next());
        assertEquals("ready:" + SELF, restarted.next());
        assertEquals(SrcCode.SRC_CODE_REFOK, await(hub.send(SELF, refresh())).getOutcome().getCode());
    }

    @Test
    void aDaemonAttachingBeforeBindIsAnnouncedAtBind() throws Exception {
        startSrcmstr(Duration.ofSeconds(5), events);
        String token = hub.newToken("sample");
        // the daemon's Hello as SubsystemService hands it to the hub, before the spawn returned
        var admitted = assertInstanceOf(Admission.Admitted.class, hub.admit(token, SELF, new NoOpObserver()));
        hub.readied(admitted.attachment());
        assertInstanceOf(NotAttachedException.class, failureOf(hub.send(SELF, refresh())));
        assertTrue(events.events.isEmpty(), "nothing is announced before bind");
        hub.bind(token, SELF);
        assertEquals("attached:" + SELF, events.events.poll(), "announced by bind itself");
        assertEquals("ready:" + SELF, events.events.poll());
        assertTrue(hub.isAttached(SELF));
    }

    /** The hub's side of a stream whose messages this test does not read. */
    private static final class NoOpObserver implements StreamObserver<SubsystemRequest> {
        @Override
        public void onNext(SubsystemRequest value) {}

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onCompleted() {}
    }

    @Test
    void hundredConcurrentRequestsEachGetTheirOwnReply() throws Exception {
        startSrcmstr(Duration.ofSeconds(10), events);
        attachedDaemon(
                new SrcHandler() {
                    @Override
                    public Reply trace(boolean on, boolean longTrace) {
                        return Reply.message(Thread.currentThread().getName());
                    }

                    @Override
                    public List<StatusRow> longStatus() {
                        return List.of(StatusRows.row("Thread", Thread.currentThread().getName()));
                    }
                });
        List<CompletableFuture<SubsystemReply>> replies = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            replies.add(
                    hub.send(
                            SELF,
                            i % 2 == 0
                                    ? status(true)
                                    : SubsystemRequest.newBuilder()
                                            .setTrace(TraceCommand.newBuilder().setOn(true))
                                            .build()));
        }
        for (int i = 0; i < 100; i++) {
            SubsystemReply reply = await(replies.get(i));
            if (i % 2 == 0) {
                assertEquals(1, reply.getRowsCount());
                assertEquals(SrcCode.SRC_CODE_UNSPECIFIED, reply.getOutcome().getCode());
            } else {
                assertEquals(SrcCode.SRC_CODE_SUBMSG, reply.getOutcome().getCode());
                assertEquals(0, reply.getRowsCount());
            }
        }
        assertEquals(100, replies.stream().map(f -> f.join().getRequestId()).distinct().count());
    }
}
