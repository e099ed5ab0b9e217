package org.opensrc.libsrc.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.InterruptedByTimeoutException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

@Timeout(60) // a read that nothing ends would otherwise hang the build
class LocalSocketTest {

    private static final Duration WITHIN = Duration.ofSeconds(5);
    private static final String READER = "local-sock-read";

    /** read(2)'s number in /proc's syscall files. */
    private static final String READ = "aarch64".equals(System.getProperty("os.arch")) ? "63" : "0";

    @TempDir Path dir;

    private Path path;
    private ServerSocketChannel server;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeEach
    void listen() throws IOException {
        path = dir.resolve("sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path), 1);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        server.close();
    }

    @Test
    void bytesGoBothWaysBetweenItAndTheServer() throws Exception {
        LocalSocket socket = opened(LocalSocket.connect(path, WITHIN));
        SocketChannel peer = opened(server.accept());

        assertEquals(4, socket.write(ByteBuffer.wrap("ping".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("ping", readAll(peer, 4));

        peer.write(ByteBuffer.wrap("pong!".getBytes(StandardCharsets.US_ASCII)));
        byte[] array = "....xxxxx".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer heap = ByteBuffer.wrap(array, 2, 6).slice().position(2); // array[4] to array[7]
        ByteBuffer direct = ByteBuffer.allocateDirect(1);
        int n = socket.read(heap);
        assertTrue(n >= 1, "read " + n);
        while (heap.position() < 6) {
            socket.read(heap);
        }
        assertEquals("....pong", new String(array, 0, 8, StandardCharsets.US_ASCII));
        assertEquals(1, socket.read(direct));
        assertEquals('!', direct.get(0));
    }

    @Test
    void theEndOfTheServersStreamReadsAsMinusOne() throws Exception {
        LocalSocket socket = opened(LocalSocket.connect(path, WITHIN));
        server.accept().close();
        assertEquals(-1, socket.read(ByteBuffer.allocate(8)));
    }

    @Test
    void aReadBlockedOnAnotherThreadEndsWhenTheSocketIsClosed() throws Exception {
        LocalSocket socket = opened(LocalSocket.connect(path, WITHIN));
        SocketChannel peer = opened(server.accept());
        var reader = new CompletableFuture<Object>();
        Thread thread =
                Thread.ofPlatform()
                        .name(READER)
                        .start(
                                () -> {
                                    try {
                                        reader.complete(socket.read(ByteBuffer.allocate(8)));
                                    } catch (IOException e) {
                                        reader.complete(e);
                                    }
                                });
        awaitBlockedInRead(thread);

        socket.close();

        Object outcome = reader.get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        assertInstanceOf(ClosedChannelException.class, outcome, "the blocked read ended with " + outcome);
        assertFalse(socket.isOpen());
        assertEquals(-1, peer.read(ByteBuffer.allocate(8)), "the server reads the end of the stream");
        assertThrows(ClosedChannelException.class, () -> socket.write(ByteBuffer.allocate(1)));
        socket.close(); // twice: nothing
    }

    @Test
    void withNothingListeningTheConnectFailsNamingThePath() throws IOException {
        server.close();
        var e = assertThrows(IOException.class, () -> LocalSocket.connect(path, WITHIN));
        assertTrue(e.getMessage().startsWith(path + ": connect: "), e.getMessage());
    }

    @Test
    void aPathLongerThanASocketAddressHoldsIsRefused() {
        Path long_ = dir.resolve("x".repeat(120));
        var e = assertThrows(IOException.class, () -> LocalSocket.connect(long_, WITHIN));
        assertTrue(e.getMessage().contains("File name too long"), e.getMessage());
    }

    @Test
    void aServerWhoseQueueIsFullMakesTheConnectWaitOnlyAsLongAsAllowed() throws Exception {
        // the server accepts nothing: its queue of one (and the kernel's one more) fills, then a connect waits
        IOException last = null;
        int connected = 0;
        while (last == null && connected < 10) {
            try {
                opened(LocalSocket.connect(path, Duration.ofMillis(200)));
                connected++;
            } catch (IOException e) {
                last = e;
            }
        }
        assertInstanceOf(InterruptedByTimeoutException.class, last, "after " + connected + " connected");
        assertTrue(connected >= 1, "connected " + connected);
    }

    /** Waits until {@code thread} is in read(2): its task's /proc syscall file names it (Linux). */
    private static void awaitBlockedInRead(Thread thread) throws IOException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (System.nanoTime() < deadline && thread.isAlive()) {
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        if (Files.readString(task.resolve("comm")).strip().equals(READER)
                                && Files.readString(task.resolve("syscall")).startsWith(READ + " ")) {
                            return;
                        }
                    } catch (IOException gone) {
                        // the task ended meanwhile
                    }
                }
            }
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        }
        throw new AssertionError("the reader never blocked in read(2)");
    }

    private <T extends AutoCloseable> T opened(T c) {
        opened.add(c);
        return c;
    }

    private static String readAll(SocketChannel channel, int n) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(n);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                break;
            }
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
    }
}
