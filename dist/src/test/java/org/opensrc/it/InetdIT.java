package org.opensrc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * inetd as the tcpip subsystem: real clients against internal services, an exec'd nowait service, a Debian daemon
 * (in.fingerd with the finger client), and the SRC requests.
 */
class InetdIT {

    static SrcRoot src;
    static int daytime;
    static int echo;
    static int peer;
    static int later;
    static Path conf;

    @BeforeAll
    static void start() throws Exception {
        src = SrcRoot.start();
        daytime = LoopbackPort.free();
        echo = LoopbackPort.free();
        peer = LoopbackPort.free();
        later = LoopbackPort.free();
        Path etc = Files.createDirectories(src.root.resolve("etc"));
        Files.writeString(
                etc.resolve("services"),
                String.join(
                        "\n",
                        "daytime " + daytime + "/tcp",
                        "echo " + echo + "/udp",
                        "echo " + echo + "/tcp",
                        "peer " + peer + "/tcp",
                        "later " + later + "/tcp",
                        "finger 79/tcp",
                        ""));
        Path script = src.root.resolve("peer.py");
        Files.writeString(
                script,
                "import socket, sys\n"
                        + "s = socket.socket(fileno=0)\n"
                        + "host, port = s.getpeername()[:2]\n"
                        + "sys.stdout.write('peer %s %d\\n' % (host, port))\n");
        conf = etc.resolve("inetd.conf");
        Files.writeString(
                conf,
                String.join(
                        "\n",
                        "daytime stream tcp nowait root internal",
                        "echo    dgram  udp  wait   root internal",
                        "echo    stream tcp  nowait root internal",
                        "peer    stream tcp  nowait nobody /usr/bin/python3 python3 " + script,
                        "finger  stream tcp  nowait nobody /usr/sbin/in.fingerd in.fingerd",
                        ""));
        src.defineInetd(Map.of("daytime", 13, "echo", 7, "peer", 4242, "later", 4243, "finger", 79));
        var started = src.run("startsrc", "-g", "tcpip");
        assertTrue(started.out().startsWith("0513-059 The inetd Subsystem has been started."), started.toString());
        src.awaitAttached("inetd");
    }

    @AfterAll
    static void stop() throws Exception {
        src.close();
    }

    static String readAll(int port) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            try (InputStream in = s.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
        }
    }

    @Test
    void internalServicesAnswerOverTcpAndUdp() throws Exception {
        assertTrue(readAll(daytime).matches("(?s)\\w{3} \\w{3} .*\\d{4}\\r?\\n"), "daytime");
        try (DatagramChannel udp = DatagramChannel.open()) {
            udp.connect(new InetSocketAddress("127.0.0.1", echo));
            udp.socket().setSoTimeout(10_000);
            udp.write(ByteBuffer.wrap("ping".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer back = ByteBuffer.allocate(64);
            udp.read(back);
            assertEquals("ping", new String(back.array(), 0, back.position(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void anExecdServiceGetsTheAcceptedSocketItself() throws Exception {
        try (Socket s = new Socket("127.0.0.1", peer)) {
            s.setSoTimeout(10_000);
            String line = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            assertEquals("peer 127.0.0.1 " + s.getLocalPort(), line);
        }
    }

    @Test
    void theRealFingerClientTalksToTheRealInFingerd() throws Exception {
        assumeTrue(
                Files.isExecutable(Path.of("/usr/sbin/in.fingerd")) && Files.isExecutable(Path.of("/usr/bin/finger")),
                "fingerd and finger are installed by scripts/install-test-deps");
        assumeTrue(src.run("lssrc", "-t", "finger").out().contains("active"), "port 79 is free and bound");
        var finger = src.exec(List.of("/usr/bin/finger", "@127.0.0.1"), Map.of());
        assertEquals(0, finger.status(), finger.toString());
        assertTrue(finger.out().contains("No one logged on") || finger.out().contains("Login"), finger.toString());
    }

    @Test
    void longStatusListsEveryServiceInTheAixLayout() {
        var r = src.run("lssrc", "-ls", "inetd");
        assertEquals(0, r.status(), r.toString());
        assertTrue(
                r.lines().contains(" Service      Command                  Description              Status"),
                r.toString());
        String row = r.lines().stream().filter(l -> l.startsWith(" daytime")).findFirst().orElseThrow();
        assertEquals("internal", row.substring(14, 22));
        assertEquals("active", row.substring(64));
        var t = src.run("lssrc", "-t", "daytime");
        assertEquals(0, t.status(), t.toString());
        assertTrue(t.out().contains(" daytime      internal"), t.toString());
    }

    @Test
    void stopsrcTDisablesAServiceInTheFileAndStartsrcTEnablesItAgain() throws Exception {
        assertEquals("0513-127 The peer subserver was stopped successfully.\n", src.run("stopsrc", "-t", "peer").out());
        assertTrue(Files.readString(conf).contains("\n#peer    stream tcp"), Files.readString(conf));
        SrcRoot.await(
                Duration.ofSeconds(10),
                () -> {
                    try (Socket s = new Socket("127.0.0.1", peer)) {
                        return false;
                    } catch (IOException refused) {
                        return true;
                    }
                },
                "peer to stop listening");
        var off = src.run("lssrc", "-ls", "inetd");
        assertTrue(
                off.lines().stream().noneMatch(l -> l.startsWith(" peer")),
                "no row for a commented-out service: " + off);
        assertTrue(off.lines().stream().anyMatch(l -> l.startsWith(" daytime")), off.toString());
        var one = src.run("lssrc", "-t", "peer");
        assertEquals(1, one.status(), one.toString());
        assertTrue(
                (one.out() + one.err())
                        .contains("0513-021 The subserver is not on file or subserver is not currently active."),
                one.toString());
        assertEquals("0513-124 The peer subserver has been started.\n", src.run("startsrc", "-t", "peer").out());
        assertTrue(readAll(peer).startsWith("peer 127.0.0.1"));
        assertTrue(Files.readString(conf).contains("\npeer    stream tcp"), Files.readString(conf));
        assertTrue(src.run("lssrc", "-ls", "inetd").lines().stream().anyMatch(l -> l.startsWith(" peer")));
    }

    @Test
    void startsrcTUncommentsAPlainHashOrDebianLineOfThatServiceButNoCommentText() throws Exception {
        String original = Files.readString(conf);
        try {
            String added =
                    "# later stream is a comment, not a line\n"
                            + "#later stream tcp nowait root /bin/echo echo later\n"
                            + "#<off># later stream tcp nowait root /bin/echo echo debian\n";
            Files.writeString(conf, original + added);
            assertEquals("0513-124 The later subserver has been started.\n", src.run("startsrc", "-t", "later").out());
            assertEquals("later", readAll(later).trim());
            assertEquals(
                    original
                            + "# later stream is a comment, not a line\n"
                            + "later stream tcp nowait root /bin/echo echo later\n"
                            + "#<off># later stream tcp nowait root /bin/echo echo debian\n",
                    Files.readString(conf));
            assertEquals(
                    "0513-127 The later subserver was stopped successfully.\n",
                    src.run("stopsrc", "-t", "later").out());
            assertEquals(original + added, Files.readString(conf));
        } finally {
            Files.writeString(conf, original);
            src.run("refresh", "-s", "inetd");
        }
    }

    @Test
    void refreshReadsTheFileByDiffAndABrokenFileKeepsTheRunningConfiguration() throws Exception {
        String original = Files.readString(conf);
        try {
            refreshByDiff(original);
        } finally {
            Files.writeString(conf, original);
            src.run("refresh", "-s", "inetd");
        }
    }

    private void refreshByDiff(String original) throws Exception {
        Files.writeString(conf, original + "later stream tcp nowait root /bin/echo echo later\n");
        assertEquals(
                "0513-095 The request for subsystem refresh was completed successfully.\n",
                src.run("refresh", "-s", "inetd").out());
        assertEquals("later", readAll(later).trim());
        Files.writeString(
                conf,
                Files.readString(conf)
                        .replace(
                                "daytime stream tcp nowait root internal", "daytime stream tcpx nowait root internal"));
        var broken = src.run("refresh", "-s", "inetd");
        assertEquals(1, broken.status(), broken.toString());
        assertTrue(broken.out().startsWith("0513-096 The request for subsystem refresh failed."), broken.toString());
        assertTrue(broken.out().contains(conf + " line 1"), broken.toString());
        assertTrue(readAll(daytime).length() > 10, "daytime still served");
    }

    @Test
    void refreshWithAnUnknownUserNamesTheLineAndTheServiceKeepsAnswering() throws Exception {
        String original = Files.readString(conf);
        try {
            assertTrue(readAll(peer).startsWith("peer 127.0.0.1"));
            Files.writeString(
                    conf, original.replace("nowait nobody /usr/bin/python3", "nowait nosuchuser0 /usr/bin/python3"));
            var refused = src.run("refresh", "-s", "inetd");
            assertEquals(1, refused.status(), refused.toString());
            assertTrue(
                    refused.out().startsWith("0513-096 The request for subsystem refresh failed."), refused.toString());
            assertTrue(refused.out().contains(conf + " line 4: unknown user nosuchuser0"), refused.toString());
            assertTrue(readAll(peer).startsWith("peer 127.0.0.1"), "peer still served after the refused refresh");
        } finally {
            Files.writeString(conf, original);
            src.run("refresh", "-s", "inetd");
        }
    }

    @Test
    void tracingLogsEveryConnection() throws Exception {
        assertEquals(
                "0513-091 The request to turn on tracing was completed successfully.\n",
                src.run("traceson", "-s", "inetd").out());
        readAll(peer);
        Path log = src.root.resolve("var/log/src/inetd.log");
        SrcRoot.await(
                Duration.ofSeconds(10),
                () -> {
                    try {
                        return Files.readString(log).contains("peer");
                    } catch (IOException e) {
                        return false;
                    }
                },
                "a trace line in " + log);
        assertEquals(
                "0513-093 The request to turn off tracing was completed successfully.\n",
                src.run("tracesoff", "-s", "inetd").out());
    }
}
