package org.opensrc.inetd.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opensrc.inetd.config.Protocol;
import org.opensrc.libsrc.posix.Net;
import org.opensrc.libsrc.posix.NetException;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

class NetTest {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void acceptedSocketKnowsItsPeerAndCarriesBytes() throws Exception {
        int lfd = Net.open(Protocol.TCP4, LOOPBACK, 0, 16);
        try (EventLoop loop = new EventLoop()) {
            int port = Net.local(lfd).getPort();
            CompletableFuture<InetSocketAddress> seen = new CompletableFuture<>();
            loop.register(
                    lfd,
                    fd -> {
                        try {
                            Optional<Integer> c = Net.accept(fd);
                            if (c.isPresent()) {
                                seen.complete(Net.peer(c.get()));
                                byte[] hello = "hi\n".getBytes(StandardCharsets.US_ASCII);
                                Net.write(c.get(), hello, hello.length);
                                Net.close(c.get());
                            }
                        } catch (NetException e) {
                            seen.completeExceptionally(e);
                        }
                    });
            Thread t = loop.start("test-loop");
            try (Socket s = new Socket(LOOPBACK, port)) {
                s.setSoTimeout(5000);
                assertEquals("hi\n", new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII));
                assertEquals(s.getLocalPort(), seen.get(5, TimeUnit.SECONDS).getPort());
            }
            loop.stop();
            t.join(5000);
        } finally {
            Net.close(lfd);
        }
    }

    @Test
    void datagramsRoundTripWithTheSenderAddress() throws Exception {
        int fd = Net.open(Protocol.UDP4, LOOPBACK, 0, 0);
        try (DatagramSocket client = new DatagramSocket(0, LOOPBACK)) {
            int port = Net.local(fd).getPort();
            client.setSoTimeout(5000);
            client.send(new DatagramPacket(new byte[] {1, 2, 3}, 3, LOOPBACK, port));
            Optional<Net.Datagram> d = Optional.empty();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (d.isEmpty() && System.nanoTime() < deadline) {
                d = Net.receive(fd, 512);
                Thread.onSpinWait();
            }
            assertTrue(d.isPresent());
            assertEquals(client.getLocalPort(), d.get().sender().getPort());
            assertTrue(Net.send(fd, new byte[] {9}, d.get().sender()));
            DatagramPacket p = new DatagramPacket(new byte[8], 8);
            client.receive(p);
            assertEquals(1, p.getLength());
        } finally {
            Net.close(fd);
        }
    }

    @Test
    void ipv6OnlyAndDualStackSockets() throws Exception {
        int v6 = Net.open(Protocol.TCP6, InetAddress.getByName("::1"), 0, 4);
        int dual = Net.open(Protocol.TCP46, null, 0, 4);
        try {
            int port = Net.local(dual).getPort();
            try (Socket s = new Socket(LOOPBACK, port)) {
                assertTrue(s.isConnected());
            }
            assertEquals("::1", Net.local(v6).getAddress().getHostAddress().replace("0:0:0:0:0:0:0:1", "::1"));
        } finally {
            Net.close(v6);
            Net.close(dual);
        }
    }

    @Test
    void bindingABusyPortIsAnErrorValue() throws Exception {
        int a = Net.open(Protocol.TCP4, LOOPBACK, 0, 4);
        try {
            int port = Net.local(a).getPort();
            NetException e =
                    org.junit.jupiter.api.Assertions.assertThrows(
                            NetException.class, () -> Net.open(Protocol.TCP4, LOOPBACK, port, 4));
            assertEquals(98, e.errno());
        } finally {
            Net.close(a);
        }
    }

    @Test
    void timersAndTasksRunOnTheLoop() throws Exception {
        try (EventLoop loop = new EventLoop()) {
            Thread t = loop.start("test-loop");
            CompletableFuture<Boolean> fired = new CompletableFuture<>();
            loop.execute(() -> loop.schedule(Duration.ofMillis(10), () -> fired.complete(loop.inLoop())));
            assertTrue(fired.get(5, TimeUnit.SECONDS));
            assertEquals(42, loop.call(() -> 42).get(5, TimeUnit.SECONDS));
            loop.stop();
            t.join(5000);
        }
    }
}
