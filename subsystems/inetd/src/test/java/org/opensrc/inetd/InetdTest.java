package org.opensrc.inetd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensrc.inetd.config.Problem;
import org.opensrc.inetd.control.ReloadReport;
import org.opensrc.inetd.control.ServiceStatus;
import org.opensrc.inetd.control.SubserverChange;
import org.opensrc.inetd.spawn.PosixChildLauncher;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

class InetdTest {
    static final InetAddress LO = InetAddress.getLoopbackAddress();
    static final String PY = "/usr/bin/python3";

    @TempDir Path dir;
    Inetd inetd;

    @AfterEach
    void stop() {
        if (inetd != null) {
            inetd.close();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, LO);
                DatagramChannel d = DatagramChannel.open(StandardProtocolFamily.INET)) {
            int p = s.getLocalPort();
            d.bind(new InetSocketAddress(LO, p));
            return p;
        }
    }

    Inetd start(String conf) throws Exception {
        Files.writeString(dir.resolve("inetd.conf"), conf);
        Files.writeString(dir.resolve("services"), "# none: numeric ports\n");
        inetd =
                new Inetd(
                        InetdSettings.of(dir.resolve("inetd.conf"), dir.resolve("services"), dir),
                        new PosixChildLauncher(),
                        Clock.systemDefaultZone());
        ReloadReport r = inetd.start();
        assertTrue(r.applied(), r.toString());
        return inetd;
    }

    static byte[] tcp(int port, String send, int limit) throws IOException {
        try (Socket s = new Socket(LO, port)) {
            s.setSoTimeout(5000);
            if (send != null) {
                s.getOutputStream().write(send.getBytes(StandardCharsets.US_ASCII));
                s.shutdownOutput();
            }
            InputStream in = s.getInputStream();
            return in.readNBytes(limit);
        }
    }

    static String tcpText(int port, String send) throws IOException {
        return new String(tcp(port, send, 1 << 16), StandardCharsets.US_ASCII);
    }

    static Optional<byte[]> udp(DatagramChannel ch, int port, byte[] request, long timeoutMillis) throws IOException {
        ch.send(ByteBuffer.wrap(request), new InetSocketAddress(LO, port));
        try (Selector sel = Selector.open()) {
            ch.configureBlocking(false);
            ch.register(sel, SelectionKey.OP_READ);
            if (sel.select(timeoutMillis) == 0) {
                return Optional.empty();
            }
            ByteBuffer b = ByteBuffer.allocate(2048);
            ch.receive(b);
            b.flip();
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return Optional.of(out);
        } finally {
            ch.configureBlocking(true);
        }
    }

    static DatagramChannel client() throws IOException {
        return DatagramChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress(LO, 0));
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }

    ServiceStatus status(String name) {
        return inetd.snapshot().services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void internalTcpServicesAnswerWithoutAProcess() throws Exception {
        int echo = freePort(), discard = freePort(), chargen = freePort(), daytime = freePort(), time = freePort();
        start(
                """
                127.0.0.1:
                %d stream tcp nowait root internal echo
                %d stream tcp nowait root internal discard
                %d stream tcp nowait root internal chargen
                %d stream tcp nowait root internal daytime
                %d stream tcp nowait root internal time
                """
                        .formatted(echo, discard, chargen, daytime, time));
        assertEquals("hello inetd\r\n", tcpText(echo, "hello inetd\r\n"));
        assertEquals("", tcpText(discard, "dropped"));
        byte[] lines = tcp(chargen, null, 148);
        assertEquals(148, lines.length);
        assertEquals(' ', lines[0]);
        assertEquals('!', lines[74]);
        assertTrue(tcpText(daytime, null).matches("\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}\r\n"));
        byte[] t = tcp(time, null, 8);
        assertEquals(4, t.length);
        long secs = ((t[0] & 0xffL) << 24) | ((t[1] & 0xff) << 16) | ((t[2] & 0xff) << 8) | (t[3] & 0xff);
        assertTrue(Math.abs(secs - 2_208_988_800L - System.currentTimeMillis() / 1000) < 60);
        await(() -> status("%d".formatted(echo)).running() == 0);
        assertEquals(1, status("%d".formatted(echo)).accepted());
    }

    @Test
    void aStreamRefusedForWantOfSlotsIsNotCountedAsRunning() throws Exception {
        int echo = freePort();
        Files.writeString(
                dir.resolve("inetd.conf"), "127.0.0.1:\n%d stream tcp nowait root internal echo\n".formatted(echo));
        Files.writeString(dir.resolve("services"), "# none: numeric ports\n");
        InetdSettings defaults = InetdSettings.of(dir.resolve("inetd.conf"), dir.resolve("services"), dir);
        InetdSettings oneSlot =
                new InetdSettings(
                        defaults.configFile(),
                        defaults.servicesFile(),
                        defaults.etcDir(),
                        defaults.maxChildren(),
                        1,
                        defaults.internalIdle(),
                        defaults.strictPermissions());
        inetd = new Inetd(oneSlot, new PosixChildLauncher(), Clock.systemDefaultZone());
        assertTrue(inetd.start().applied());
        String name = "%d".formatted(echo);
        try (Socket holder = new Socket(LO, echo)) {
            holder.setSoTimeout(5000);
            holder.getOutputStream().write("first\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals("first\r\n", new String(holder.getInputStream().readNBytes(7), StandardCharsets.US_ASCII));
            assertEquals(0, tcp(echo, null, 16).length, "no slot left: closed unserved");
            await(() -> status(name).accepted() == 2);
            assertEquals(1, status(name).running());
        }
        await(() -> status(name).running() == 0);
    }

    @Test
    void internalUdpServicesAnswerAndTheLoopGuardIgnoresPrivilegedPorts() throws Exception {
        int echo = freePort(), daytime = freePort(), time = freePort();
        start(
                """
                127.0.0.1:%d dgram udp wait root internal echo
                %d dgram udp wait root internal daytime
                %d dgram udp wait root internal time
                """
                        .formatted(echo, daytime, time));
        try (DatagramChannel c = client()) {
            assertArrayEquals(new byte[] {1, 2, 3}, udp(c, echo, new byte[] {1, 2, 3}, 5000).orElseThrow());
            assertTrue(
                    new String(udp(c, daytime, new byte[0], 5000).orElseThrow(), StandardCharsets.US_ASCII)
                            .endsWith("\r\n"));
            assertEquals(4, udp(c, time, new byte[0], 5000).orElseThrow().length);
        }
        try (DatagramChannel privileged = DatagramChannel.open(StandardProtocolFamily.INET)) {
            privileged.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            privileged.bind(new InetSocketAddress(LO, 1019));
            assertEquals(Optional.empty(), udp(privileged, echo, new byte[] {7}, 300));
        }
        try (DatagramChannel fromOurOwnPort = DatagramChannel.open(StandardProtocolFamily.INET)) {
            fromOurOwnPort.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            fromOurOwnPort.bind(new InetSocketAddress(LO, daytime));
            assertEquals(Optional.empty(), udp(fromOurOwnPort, echo, new byte[] {7}, 300));
        }
        await(() -> status("%d".formatted(echo)).refused() >= 1);
    }

    @Test
    void nowaitServerGetsTheConnectionAsStdioAndRunsAsTheConfiguredUser() throws Exception {
        int port = freePort();
        start(
                ("%d stream tcp nowait nobody %s python3 -c "
                                + "S=__import__('socket');O=__import__('os');print(S.socket(fileno=0).getpeername()[1],O.getuid())\n")
                        .formatted(port, PY));
        try (Socket s = new Socket(LO, port)) {
            s.setSoTimeout(5000);
            String out = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            assertEquals(s.getLocalPort() + " 65534", out);
        }
        await(() -> status("%d".formatted(port)).lastExit().isPresent());
        assertEquals(Optional.of("exit 0"), status("%d".formatted(port)).lastExit());
        assertEquals(0, inetd.snapshot().totalRunning());
    }

    @Test
    void waitUdpServerGetsTheDatagramSocketAndInetdResumesAfterItExits() throws Exception {
        int port = freePort();
        start(
                "%d dgram udp wait root %s python3 -c s=__import__('socket').socket(fileno=0);d,a=s.recvfrom(512);s.sendto(b'got:'+d,a)\n"
                        .formatted(port, PY));
        try (DatagramChannel c = client()) {
            assertEquals("got:one", new String(udp(c, port, "one".getBytes(), 5000).orElseThrow()));
            await(
                    () ->
                            status("%d".formatted(port)).lastExit().isPresent()
                                    && status("%d".formatted(port)).state().equals("active"));
            assertEquals("got:two", new String(udp(c, port, "two".getBytes(), 5000).orElseThrow()));
        }
        await(() -> status("%d".formatted(port)).accepted() == 2 && status("%d".formatted(port)).running() == 0);
    }

    @Test
    void reloadKeepsAnUnchangedSocketClosesARemovedOneAndOpensANewOne() throws Exception {
        int echo = freePort(), daytime = freePort(), time = freePort();
        start(
                """
                %d stream tcp nowait root internal echo
                %d stream tcp nowait root internal daytime
                """
                        .formatted(echo, daytime));
        assertEquals("before", tcpText(echo, "before"));
        await(() -> status("" + echo).accepted() == 1);
        Files.writeString(
                dir.resolve("inetd.conf"),
                """
                # edited
                %d stream tcp nowait.100 root internal echo
                %d stream tcp nowait root internal time
                """
                        .formatted(echo, time));
        ReloadReport r = inetd.reload().join();
        assertTrue(r.applied());
        assertEquals(List.of(time + "/tcp"), r.added());
        assertEquals(List.of(daytime + "/tcp"), r.removed());
        assertEquals(List.of(echo + "/tcp"), r.changed());
        assertEquals("still here", tcpText(echo, "still here"));
        await(() -> status("" + echo).accepted() == 2); // the same socket: its count goes on
        assertThrows(ConnectException.class, () -> new Socket(LO, daytime).close());
        assertEquals(4, tcp(time, null, 8).length);
    }

    @Test
    void aBrokenFileKeepsTheRunningConfiguration() throws Exception {
        int echo = freePort(), other = freePort();
        start("%d stream tcp nowait root internal echo\n".formatted(echo));
        assertEquals("before", tcpText(echo, "before"));
        Files.writeString(
                dir.resolve("inetd.conf"),
                "%d stream tcp nowiat root internal echo\n%d stream tcp nowait root internal time\n"
                        .formatted(echo, other));
        ReloadReport broken = inetd.reload().join();
        assertFalse(broken.applied());
        assertEquals(1, broken.problems().getFirst().line());
        assertEquals("ok", tcpText(echo, "ok"));
        await(() -> status("" + echo).accepted() == 2); // the same socket: its count goes on
        assertThrows(ConnectException.class, () -> new Socket(LO, other).close());

        Files.delete(dir.resolve("inetd.conf"));
        assertFalse(inetd.reload().join().applied());
        assertEquals("ok", tcpText(echo, "ok"));
    }

    @Test
    void aRunningServiceWhoseUserBecomesUnknownKeepsServingAndTheReloadNamesTheLine() throws Exception {
        int port = freePort();
        start("%d stream tcp nowait nobody /bin/echo echo hello\n".formatted(port));
        assertEquals("hello\n", tcpText(port, null));
        Files.writeString(
                dir.resolve("inetd.conf"),
                "# the user was mistyped\n%d stream tcp nowait nobdoy /bin/echo echo hello\n".formatted(port));
        ReloadReport broken = inetd.reload().join();
        assertFalse(broken.applied());
        assertEquals(List.of(new Problem(dir.resolve("inetd.conf"), 2, "unknown user nobdoy")), broken.problems());
        assertEquals("hello\n", tcpText(port, null));
    }

    @Test
    void withTheStrictSettingAConfigurationInAFolderOthersMayWriteIsRefusedAndTheRunningOneKept() throws Exception {
        int echo = freePort();
        start("%d stream tcp nowait root internal echo\n".formatted(echo));
        inetd.close();
        inetd =
                new Inetd(
                        InetdSettings.of(dir.resolve("inetd.conf"), dir.resolve("services"), dir)
                                .withStrictPermissions(true),
                        new PosixChildLauncher(),
                        Clock.systemDefaultZone());
        assertTrue(inetd.start().applied());
        assertEquals("ok", tcpText(echo, "ok"));
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        try {
            ReloadReport refused = inetd.reload().join();
            assertFalse(refused.applied());
            assertEquals(
                    List.of(
                            new Problem(
                                    dir.resolve("inetd.conf"),
                                    0,
                                    "others can change it (strict.permissions=true): "
                                            + dir
                                            + ": directory writable by group and others (mode 0777)")),
                    refused.problems());
            assertEquals("ok", tcpText(echo, "ok"));
        } finally {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
        assertTrue(inetd.reload().join().applied());
    }

    @Test
    void withoutTheStrictSettingAConfigurationOthersMayWriteStillLoads() throws Exception {
        int echo = freePort();
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        try {
            start("%d stream tcp nowait root internal echo\n".formatted(echo));
            assertEquals("ok", tcpText(echo, "ok"));
        } finally {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aNewBadLineIsSkippedWhileTheRestReloads() throws Exception {
        int echo = freePort(), time = freePort();
        start("%d stream tcp nowait root internal echo\n".formatted(echo));
        Files.writeString(
                dir.resolve("inetd.conf"),
                "%d stream tcp nowait root internal echo\nbogus line\n%d stream tcp nowait root internal time\n"
                        .formatted(echo, time));
        ReloadReport r = inetd.reload().join();
        assertTrue(r.applied());
        assertEquals(2, r.problems().getFirst().line());
        assertEquals(4, tcp(time, null, 8).length);
    }

    @Test
    void disableCommentsTheLineAndStopsListeningAndEnableBringsItBack() throws Exception {
        int daytime = freePort(), echo = freePort();
        start(
                "%d stream tcp nowait root internal daytime\n%d stream tcp nowait root internal echo\n"
                        .formatted(daytime, echo));
        SubserverChange off = inetd.disable("" + daytime, false).join();
        assertTrue(off.known());
        assertEquals(1, off.linesChanged());
        assertTrue(Files.readString(dir.resolve("inetd.conf")).startsWith("#" + daytime + " stream"));
        assertThrows(ConnectException.class, () -> new Socket(LO, daytime).close());
        assertEquals(
                List.of("" + echo),
                inetd.snapshot().services().stream().map(ServiceStatus::name).toList(),
                "a commented-out service is no entry of the running inetd");
        assertEquals("x", tcpText(echo, "x"));

        SubserverChange on = inetd.enable("" + daytime).join();
        assertEquals(1, on.linesChanged());
        assertEquals(List.of(daytime + "/tcp"), on.reload().added());
        assertFalse(tcpText(daytime, null).isEmpty());
        assertFalse(inetd.enable("nosuch").join().known());
    }

    @Test
    void disableWithKillStopsTheRunningServers() throws Exception {
        int port = freePort();
        start("%d stream tcp nowait root /bin/sleep sleep 30\n".formatted(port));
        try (Socket s = new Socket(LO, port)) {
            await(() -> status("" + port).running() == 1);
            SubserverChange c = inetd.disable("" + port, true).join();
            assertEquals(1, c.killed());
            s.setSoTimeout(5000);
            assertEquals(-1, s.getInputStream().read());
        }
        await(() -> inetd.snapshot().totalRunning() == 0);
    }

    @Test
    void spawnRateOverTheLimitBacksOffInsteadOfDying() throws Exception {
        int port = freePort();
        start("%d stream tcp nowait.2 root internal daytime\n".formatted(port));
        assertFalse(tcpText(port, null).isEmpty());
        assertFalse(tcpText(port, null).isEmpty());
        assertEquals("", tcpText(port, null));
        ServiceStatus s = status("" + port);
        assertEquals("backoff", s.state());
        assertEquals(1, s.rateLimited());
    }

    @Test
    void maxChildQueuesConnectionsUntilAChildExits() throws Exception {
        int port = freePort();
        start("%d stream tcp nowait/1 root /bin/cat cat\n".formatted(port));
        try (Socket first = new Socket(LO, port);
                Socket second = new Socket(LO, port)) {
            first.setSoTimeout(5000);
            second.setSoTimeout(5000);
            await(() -> status("" + port).running() == 1);
            assertEquals("paused", status("" + port).state());
            first.getOutputStream().write("one\n".getBytes());
            first.shutdownOutput();
            assertEquals("one", new String(first.getInputStream().readAllBytes()).strip());
            second.getOutputStream().write("two\n".getBytes());
            second.shutdownOutput();
            assertEquals("two", new String(second.getInputStream().readAllBytes()).strip());
        }
    }

    @Test
    void hostsDenyRefusesAClient() throws Exception {
        int port = freePort();
        Files.writeString(dir.resolve("hosts.deny"), "ALL : 127.0.0.0/8\n");
        start("%d stream tcp nowait root internal daytime\n".formatted(port));
        assertEquals("", tcpText(port, null));
        assertEquals(1, status("" + port).refused());
    }
}
