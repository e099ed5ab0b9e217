package org.opensrc.cli.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensrc.cli.Commands;
import org.opensrc.cli.command.CommandEnvironment;
import org.opensrc.libsrc.SrcPaths;
import org.opensrc.testkit.TestCertificates;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The control commands with -h, against fake srcmstr -r servers over real TLS. */
class RemoteCommandTest {

    private static final String REFRESHED = "0513-095 The request for subsystem refresh was completed successfully.";

    @TempDir static Path dir;
    private static FakeRemoteSrcmstr hostA;
    private static FakeRemoteSrcmstr hostB;
    private static Path clientCerts;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startServers() throws Exception {
        Path site = dir.resolve("site");
        TestCertificates.run("ca", site.toString());
        TestCertificates.run("server", site.toString(), "localhost", "127.0.0.1");
        TestCertificates.run("client", site.toString(), "admin");
        clientCerts = site.resolve("admin");
        hostA = new FakeRemoteSrcmstr(site.resolve("localhost"));
        hostB = new FakeRemoteSrcmstr(site.resolve("localhost"));
    }

    @AfterAll
    static void stopServers() throws Exception {
        hostA.close();
        hostB.close();
    }

    @BeforeEach
    void forgetRequests() {
        hostA.refreshed.clear();
        hostB.refreshed.clear();
    }

    private int run(int uid, Path certDir, String... args) {
        var environment =
                new CommandEnvironment(
                        new SrcPaths(dir.resolve("root")), Map.of("SRC_CERT_DIR", certDir.toString()), () -> uid);
        return Commands.run(
                args[0],
                java.util.Arrays.copyOfRange(args, 1, args.length),
                new PrintWriter(out),
                new PrintWriter(err),
                environment);
    }

    @Test
    void oneHostPrintsExactlyAsALocalRequestDoes() {
        assertEquals(0, run(0, clientCerts, "refresh", "-h", hostA.address(), "-s", "inetd"));
        assertEquals(REFRESHED + "\n", out.toString());
        assertEquals("", err.toString());
        assertEquals(List.of("inetd"), hostA.refreshed);
    }

    @Test
    void severalHostsAreAskedAndEachLineIsPrefixedInTheOrderGiven() {
        assertEquals(0, run(0, clientCerts, "refresh", "-h", hostB.address() + "," + hostA.address(), "-s", "inetd"));
        assertEquals(
                hostB.address() + ": " + REFRESHED + "\n" + hostA.address() + ": " + REFRESHED + "\n", out.toString());
        assertEquals(List.of("inetd"), hostA.refreshed);
        assertEquals(List.of("inetd"), hostB.refreshed);
    }

    @Test
    void aFailingHostMakesTheExitStatusOneWhileTheOthersStillAnswer() {
        assertEquals(1, run(0, clientCerts, "refresh", "-h", hostA.address() + " nohost.invalid", "-s", "inetd"));
        assertEquals(
                hostA.address()
                        + ": "
                        + REFRESHED
                        + "\n"
                        + "nohost.invalid: 0513-054 The host, nohost.invalid, that you wish to send this command to"
                        + " is not a known host.\n",
                out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void aUserOtherThanRootGets018AndNothingIsSent() {
        assertEquals(1, run(1000, clientCerts, "refresh", "-h", hostA.address(), "-s", "inetd"));
        assertEquals(
                "0513-018 System Resource Controller requires that you be running as root\n"
                        + "when a remote host is specified for a request.\n",
                out.toString());
        assertEquals(List.of(), hostA.refreshed);
    }

    @Test
    void anUnknownHostGets054() {
        assertEquals(1, run(0, clientCerts, "lssrc", "-h", "nohost.invalid", "-a"));
        assertEquals(
                "0513-054 The host, nohost.invalid, that you wish to send this command to is not a known host.\n",
                out.toString());
    }

    @Test
    void aHostWhereNothingListensGets053() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertEquals(1, run(0, clientCerts, "stopsrc", "-h", "127.0.0.1:" + port, "-s", "inetd"));
        assertEquals(
                "0513-053 The System Resource Controller is experiencing problems with its\n"
                        + "socket communications.\n"
                        + "If you specified a foreign host, try configuring Internet sockets and\n"
                        + "try your command again, otherwise contact System Administration.\n",
                out.toString());
    }

    @Test
    void missingClientCertificatesGet053AndNothingIsSent() {
        assertEquals(1, run(0, dir.resolve("nowhere"), "traceson", "-h", hostA.address(), "-s", "inetd"));
        assertTrue(out.toString().startsWith("0513-053 "), out.toString());
        assertEquals(List.of(), hostA.refreshed);
    }
}
