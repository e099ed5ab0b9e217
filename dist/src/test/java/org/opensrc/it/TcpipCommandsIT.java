package org.opensrc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * chsubserver and chrctcp against a real srcmstr and inetd: a service added with chsubserver -r inetd answers on a real
 * socket and is gone once deactivated; chrctcp toggles a daemon in a copy of the shipped rc.tcpip and -S starts and
 * stops it through SRC; bad input leaves the files as they were.
 */
class TcpipCommandsIT {

    static SrcRoot src;
    static int gregserv;
    static Path conf;
    static Path rc;

    @BeforeAll
    static void start() throws Exception {
        src = SrcRoot.start();
        gregserv = LoopbackPort.free();
        int daytime = LoopbackPort.free();
        Path etc = Files.createDirectories(src.root.resolve("etc"));
        Files.writeString(etc.resolve("services"), "daytime " + daytime + "/tcp\ngregserv " + gregserv + "/tcp\n");
        conf = Files.writeString(etc.resolve("inetd.conf"), "# inetd.conf\ndaytime stream tcp nowait root internal\n");
        rc = etc.resolve("rc.tcpip");
        Files.copy(SrcRoot.TREE.resolve("etc/rc.tcpip"), rc);
        assertEquals(
                0,
                src.run("mkssys", "-s", "inetd", "-p", SrcRoot.TREE.resolve("bin/inetd").toString(), "-u", "0", "-K")
                        .status());
        assertEquals(
                0,
                src.run("mkssys", "-s", "sshd", "-p", "/bin/sleep", "-a", "300", "-u", "0", "-S", "-n", "15", "-f", "9")
                        .status());
        assertTrue(
                src.run("startsrc", "-s", "inetd").out().startsWith("0513-059 The inetd Subsystem has been started."));
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
    void aServiceAddedWithChsubserverAnswersAndIsGoneOnceDeactivated() throws Exception {
        var added =
                src.run(
                        "chsubserver",
                        "-a",
                        "-r",
                        "inetd",
                        "-v",
                        "gregserv",
                        "-p",
                        "tcp",
                        "-t",
                        "stream",
                        "-w",
                        "nowait",
                        "-u",
                        "root",
                        "-g",
                        "/bin/echo",
                        "echo",
                        "-n",
                        "hello");
        assertEquals("status=0\n--- stdout\n--- stderr\n", added.toString());
        assertTrue(
                Files.readString(conf).endsWith("\ngregserv\tstream\ttcp\tnowait\troot\t/bin/echo\techo -n hello\n"),
                Files.readString(conf));
        assertEquals("hello", readAll(gregserv));
        assertTrue(src.run("lssrc", "-ls", "inetd").lines().stream().anyMatch(l -> l.startsWith(" gregserv")));

        var removed = src.run("chsubserver", "-d", "-v", "gregserv", "-p", "tcp", "-r", "inetd");
        assertEquals("status=0\n--- stdout\n--- stderr\n", removed.toString());
        assertTrue(
                Files.readString(conf).endsWith("\n#gregserv\tstream\ttcp\tnowait\troot\t/bin/echo\techo -n hello\n"),
                Files.readString(conf));
        assertThrows(ConnectException.class, () -> readAll(gregserv));

        var again = src.run("chsubserver", "-v", "gregserv", "-p", "tcp", "-r", "inetd");
        assertEquals(0, again.status(), again.toString());
        assertEquals("hello", readAll(gregserv));
        assertEquals(0, src.run("chsubserver", "-d", "-v", "gregserv", "-p", "tcp", "-r", "inetd").status());
    }

    @Test
    void chsubserverRefusesBadInputAndLeavesInetdConfUntouched() throws Exception {
        byte[] before = Files.readAllBytes(conf);
        var bad =
                src.run(
                        "chsubserver",
                        "-a",
                        "-v",
                        "gregserv",
                        "-p",
                        "tcp",
                        "-t",
                        "dgram",
                        "-u",
                        "root",
                        "-g",
                        "/bin/echo",
                        "-r",
                        "inetd");
        assertEquals(1, bad.status(), bad.toString());
        assertEquals("chsubserver: " + conf + ": socket type dgram does not go with protocol tcp\n", bad.out());
        var unknownUser =
                src.run("chsubserver", "-a", "-v", "gregserv", "-p", "tcp", "-u", "nosuchuser0", "-g", "/bin/echo");
        assertEquals("chsubserver: " + conf + ": user nosuchuser0 does not exist\n", unknownUser.out());
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(conf));

        var noSuchServer = src.run("chsubserver", "-d", "-v", "gregserv", "-p", "tcp", "-r", "nosuch");
        assertEquals(1, noSuchServer.status(), noSuchServer.toString());
        assertEquals("0513-085 The nosuch Subsystem is not on file.\n", noSuchServer.out());
    }

    @Test
    void chrctcpTogglesADaemonInRcTcpipAndMinusSStartsAndStopsIt() throws Exception {
        String shipped = Files.readString(rc);
        assertTrue(shipped.contains("\n#start /usr/sbin/sshd \"$src_running\"\n"), shipped);

        assertEquals("status=0\n--- stdout\n--- stderr\n", src.run("chrctcp", "-a", "sshd").toString());
        assertEquals(shipped.replace("#start /usr/sbin/sshd", "start /usr/sbin/sshd"), Files.readString(rc));
        assertEquals(0, src.run("chrctcp", "-d", "sshd").status());
        assertEquals(shipped, Files.readString(rc));

        var started = src.run("chrctcp", "-S", "-a", "sshd");
        assertEquals(0, started.status(), started.toString());
        assertTrue(
                started.out().startsWith("0513-059 The sshd Subsystem has been started. Subsystem PID is "),
                started.toString());
        assertTrue(
                src.run("lssrc", "-s", "sshd").lines().get(1).matches(" sshd\\s+\\d+\\s+active"),
                src.run("lssrc", "-s", "sshd").out());
        assertEquals(shipped.replace("#start /usr/sbin/sshd", "start /usr/sbin/sshd"), Files.readString(rc));

        var stopped = src.run("chrctcp", "-S", "-d", "sshd");
        assertEquals("0513-044 The sshd Subsystem was requested to stop.\n", stopped.out(), stopped.toString());
        assertEquals(shipped, Files.readString(rc));
        SrcRoot.await(
                Duration.ofSeconds(30),
                () -> src.run("lssrc", "-s", "sshd").out().contains("inoperative"),
                "sshd to stop");
    }

    @Test
    void chrctcpFindsTheStartLineOfASubsystemWhoseProgramHasAnotherName() throws Exception {
        String shipped = Files.readString(rc);
        assertTrue(shipped.contains("\n#start /usr/sbin/chronyd \"$src_running\"\n"), shipped);
        var defined =
                src.run("mkssys", "-s", "xntpd", "-p", "/usr/sbin/chronyd", "-u", "0", "-S", "-n", "15", "-f", "9");
        assertEquals(0, defined.status(), defined.toString());
        try {
            assertEquals(0, src.run("chrctcp", "-a", "xntpd").status());
            assertEquals(shipped.replace("#start /usr/sbin/chronyd", "start /usr/sbin/chronyd"), Files.readString(rc));
            assertEquals(0, src.run("chrctcp", "-d", "xntpd").status());
            assertEquals(shipped, Files.readString(rc));
        } finally {
            src.run("rmssys", "-s", "xntpd");
        }
    }

    @Test
    void chrctcpRefusesAnUnknownDaemonOrAnAttributeAndLeavesRcTcpipUntouched() throws Exception {
        byte[] before = Files.readAllBytes(rc);
        var unknown = src.run("chrctcp", "-a", "nosuchd");
        assertEquals(1, unknown.status());
        assertEquals("chrctcp: " + rc + ": there is no start line for nosuchd\n", unknown.out());
        var attribute = src.run("chrctcp", "-a", "sshd", "-f", "port=22");
        assertEquals(1, attribute.status());
        assertTrue(attribute.out().startsWith("chrctcp: attribute port is not supported for sshd"), attribute.out());
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(rc));
    }
}
