package org.opensrc.libsrc.subsystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.okhttp.internal.framed.Settings;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensrc.libsrc.client.FakeHttp2Server;
import org.opensrc.libsrc.client.FakeHttp2Server.Data;
import org.opensrc.libsrc.client.FakeHttp2Server.Headers;
import org.opensrc.libsrc.client.FakeHttp2Server.Peer;
import org.opensrc.proto.v1.StatusCommand;
import org.opensrc.proto.v1.StatusRow;
import org.opensrc.proto.v1.StopCommand;
import org.opensrc.proto.v1.SubsystemMessage;
import org.opensrc.proto.v1.SubsystemRequest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The link against a hand-played srcmstr ({@link FakeHttp2Server}): attach, answer, reattach, stop. */
class SrcConnectionTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir Path dir;
    private FakeHttp2Server srcmstr;

    @BeforeEach
    void listen() throws IOException {
        srcmstr = new FakeHttp2Server(dir);
    }

    @AfterEach
    void stop() throws IOException {
        srcmstr.close();
    }

    private static final SrcHandler HANDLER =
            new SrcHandler() {
                @Override
                public List<StatusRow> longStatus() {
                    return List.of(StatusRow.newBuilder().setObjname("row").build());
                }
            };

    /** One attach as srcmstr sees it: the stream's id and the first message (the Hello). */
    private record Attached(Peer peer, int stream, SubsystemMessage hello) {}

    private Attached attached() throws IOException {
        Peer peer = srcmstr.accept();
        peer.settings(new Settings());
        Headers headers = peer.next(Headers.class);
        assertEquals("/srcmstr.v1.Subsystem/Attach", headers.value(":path"));
        SubsystemMessage hello = message(peer.next(Data.class));
        peer.responseHeaders(headers.stream());
        return new Attached(peer, headers.stream(), hello);
    }

    private static SubsystemMessage message(Data data) throws IOException {
        return SubsystemMessage.parseFrom(Arrays.copyOfRange(data.bytes(), 5, data.bytes().length));
    }

    private static byte[] framed(SubsystemRequest request) {
        byte[] bytes = request.toByteArray();
        byte[] framed = new byte[5 + bytes.length];
        framed[3] = (byte) (bytes.length >>> 8);
        framed[4] = (byte) bytes.length;
        System.arraycopy(bytes, 0, framed, 5, bytes.length);
        return framed;
    }

    private static SubsystemRequest longStatus(long id) {
        return SubsystemRequest.newBuilder()
                .setRequestId(id)
                .setStatus(StatusCommand.newBuilder().setLong(true))
                .build();
    }

    @Test
    void attachesWithItsTokenAndAnswersRequestsOnTheStream() throws Exception {
        try (SrcConnection link = SrcSubsystem.attach(srcmstr.path(), "token-1", HANDLER)) {
            Attached first = attached();
            assertEquals("token-1", first.hello().getHello().getToken());
            assertEquals(ProcessHandle.current().pid(), first.hello().getHello().getPid());

            first.peer().data(first.stream(), framed(longStatus(5)), 1000, false);
            SubsystemMessage reply = message(first.peer().next(Data.class));
            assertEquals(5, reply.getReply().getRequestId());
            assertEquals("row", reply.getReply().getRows(0).getObjname());
            first.peer().close();
        }
    }

    @Test
    void attachesAgainWithTheSameTokenAndReadinessWhenSrcmstrRestarts() throws Exception {
        try (SrcConnection link = SrcSubsystem.attach(srcmstr.path(), "token-2", HANDLER)) {
            Attached first = attached();
            link.ready();
            assertTrue(message(first.peer().next(Data.class)).hasReady());
            first.peer().close(); // srcmstr went away

            Attached second = attached();
            assertEquals("token-2", second.hello().getHello().getToken());
            assertTrue(message(second.peer().next(Data.class)).hasReady(), "readiness is declared again");
            second.peer().data(second.stream(), framed(longStatus(6)), 1000, false);
            assertEquals(6, message(second.peer().next(Data.class)).getReply().getRequestId());
            second.peer().close();
        }
    }

    @Test
    void aStopIsAnsweredThenTheStreamEndsAndTheDaemonIsReleased() throws Exception {
        try (SrcConnection link = SrcSubsystem.attach(srcmstr.path(), "token-3", HANDLER)) {
            Attached first = attached();
            var stop = SubsystemRequest.newBuilder().setRequestId(9).setStop(StopCommand.newBuilder().setForced(true));
            first.peer().data(first.stream(), framed(stop.build()), 1000, false);
            assertEquals(9, message(first.peer().next(Data.class)).getReply().getRequestId());
            assertTrue(first.peer().next(Data.class).end(), "the daemon half-closes after its stop reply");
            first.peer().trailers(first.stream(), 0);
            assertEquals(Optional.of(StopMode.FORCED), link.awaitStop(LIMIT));
            first.peer().close();
        }
    }
}
