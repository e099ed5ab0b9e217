package org.opensrc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** lssrc -h against a second srcmstr -r on 127.0.0.1, with and without a valid certificate. */
class RemoteIT {

    static SrcRoot local;
    static SrcRoot remote;
    static Path certs;
    static String hostPort;

    @BeforeAll
    static void start() throws Exception {
        local = SrcRoot.start();
        remote = SrcRoot.empty();
        certs = Files.createTempDirectory("opensrc-certs-");
        String mksrccert = SrcRoot.TREE.resolve("bin/mksrccert").toString();
        for (List<String> argv :
                List.of(
                        List.of(mksrccert, "ca", certs.toString()),
                        List.of(mksrccert, "server", certs.toString(), "localhost", "127.0.0.1"),
                        List.of(mksrccert, "client", certs.toString(), "admin"),
                        List.of(mksrccert, "client", certs.toString(), "stranger"))) {
            var r = local.exec(argv, Map.of());
            assertEquals(0, r.status(), r.toString());
        }
        installServerFiles(remote);
        int port = freePort();
        hostPort = "127.0.0.1:" + port;
        remote.startSrcmstr(Map.of("SRC_REMOTE_PORT", Integer.toString(port), "SRC_REMOTE_BIND", "127.0.0.1"), "-r");
        assertEquals(0, remote.run("mkssys", "-s", "faraway", "-p", "/bin/sleep", "-a", "300", "-u", "0").status());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The server's certificate, key (0600), CA and an allow file (0600) naming admin. */
    private static Path installServerFiles(SrcRoot root) throws IOException {
        Path remoteDir = Files.createDirectories(root.root.resolve("etc/src/remote"));
        for (String f : List.of("ca.pem", "server.pem", "server.key")) {
            Files.copy(certs.resolve("localhost").resolve(f), remoteDir.resolve(f), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Files.writeString(remoteDir.resolve("allow"), "# who may control this host\nadmin\n");
        Files.setPosixFilePermissions(remoteDir.resolve("allow"), PosixFilePermissions.fromString("rw-------"));
        return remoteDir;
    }

    /** The local addresses (as ss prints them, e.g. 127.0.0.1:20200) that listen on {@code port}. */
    private static List<String> listeners(int port) {
        var r = local.exec(List.of("ss", "-Hltn", "sport = :" + port), Map.of());
        assertEquals(0, r.status(), r.toString());
        return r.lines().stream().map(l -> l.trim().split("\\s+")[3]).toList();
    }

    private static boolean connects(String address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 5000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aConfiguredIpv4AddressIsTheOnlyOneListenedOn() {
        int port = Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1));
        assertEquals(List.of("127.0.0.1:" + port), listeners(port));
        assertTrue(connects("127.0.0.1", port));
        assertFalse(connects("::1", port), "reached over ::1");
    }

    @Test
    void byDefaultEveryIpv4AddressIsListenedOnAndNoIpv6One() throws Exception {
        try (SrcRoot other = SrcRoot.empty()) {
            installServerFiles(other);
            int port = freePort();
            other.startSrcmstr(Map.of("SRC_REMOTE_PORT", Integer.toString(port)), "-r");
            SrcRoot.await(Duration.ofSeconds(30), () -> !listeners(port).isEmpty(), "srcmstr -r to listen");
            assertEquals(List.of("0.0.0.0:" + port), listeners(port));
            assertFalse(connects("::1", port), "reached over ::1");
        }
    }

    @Test
    void aKeyOrAllowFileOthersMayReadStopsSrcmstrRWithTheFileAndMode() throws Exception {
        for (String file : List.of("server.key", "allow")) {
            try (SrcRoot other = SrcRoot.empty()) {
                Path f = installServerFiles(other).resolve(file);
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
                var e =
                        assertThrows(
                                IllegalStateException.class,
                                () ->
                                        other.startSrcmstr(
                                                Map.of("SRC_REMOTE_PORT", Integer.toString(freePort())), "-r"));
                assertTrue(
                        e.getMessage().contains("srcmstr: -r: " + f + ": permissions 0644 are too open"),
                        e.getMessage());
                assertEquals(1, other.srcmstr().waitFor());
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        local.close();
        remote.close();
        try (var files = Files.walk(certs)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static SrcRoot.Result lssrcAs(String identity) {
        return local.runWith(Map.of("SRC_CERT_DIR", certs.resolve(identity).toString()), "lssrc", "-h", hostPort, "-a");
    }

    @Test
    void aValidClientCertificateListsTheRemoteHost() {
        var r = lssrcAs("admin");
        assertEquals(0, r.status(), r.toString());
        assertEquals(
                List.of(
                        "Subsystem         Group            PID          Status",
                        " faraway                                        inoperative"),
                r.lines());
    }

    @Test
    void aValidClientMayStartAndStopRemotely() {
        var env = Map.of("SRC_CERT_DIR", certs.resolve("admin").toString());
        var started = local.runWith(env, "startsrc", "-h", hostPort, "-s", "faraway");
        assertTrue(started.out().startsWith("0513-059 The faraway Subsystem has been started."), started.toString());
        var stopped = local.runWith(env, "stopsrc", "-h", hostPort, "-s", "faraway");
        assertEquals("0513-044 The faraway Subsystem was requested to stop.\n", stopped.out());
    }

    @Test
    void withoutACertificateTheRequestIsRefusedAndNothingChanges() throws Exception {
        Path empty = Files.createTempDirectory("opensrc-nocert-");
        var r = local.runWith(Map.of("SRC_CERT_DIR", empty.toString()), "startsrc", "-h", hostPort, "-s", "faraway");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.out().startsWith("0513-053"), r.toString());
        assertTrue(remote.run("lssrc", "-s", "faraway").out().contains("inoperative"));
        Files.delete(empty);
    }

    @Test
    void aCertificateNotOnTheAllowListGets0513027() {
        var r = lssrcAs("stranger");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.out().startsWith("0513-027"), r.toString());
    }

    @Test
    void aCertificateWithTwoCommonNamesIsRefusedThoughOneIsAllowListed() throws Exception {
        Path two = Files.createDirectories(certs.resolve("two-cns"));
        String key = two.resolve("client.key").toString();
        String csr = two.resolve("client.csr").toString();
        Path ext = Files.writeString(two.resolve("ext"), "basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n");
        for (List<String> argv :
                List.of(
                        List.of(
                                "openssl",
                                "genpkey",
                                "-algorithm",
                                "EC",
                                "-pkeyopt",
                                "ec_paramgen_curve:P-256",
                                "-out",
                                key),
                        List.of("openssl", "req", "-new", "-key", key, "-subj", "/CN=stranger/CN=admin", "-out", csr),
                        List.of(
                                "openssl",
                                "x509",
                                "-req",
                                "-in",
                                csr,
                                "-CA",
                                certs.resolve("ca.pem").toString(),
                                "-CAkey",
                                certs.resolve("ca.key").toString(),
                                "-CAserial",
                                certs.resolve("ca.srl").toString(),
                                "-days",
                                "30",
                                "-extfile",
                                ext.toString(),
                                "-out",
                                two.resolve("client.pem").toString()))) {
            var r = local.exec(argv, Map.of());
            assertEquals(0, r.status(), r.toString());
        }
        Files.copy(certs.resolve("ca.pem"), two.resolve("ca.pem"));
        var r = lssrcAs("two-cns");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.out().startsWith("0513-027"), r.toString());
        assertTrue(remote.log().contains("identity (no single CN)"), remote.log());
    }

    @Test
    void withoutDashRNothingListensOnTheNetwork() throws Exception {
        var r =
                local.exec(
                        List.of("/bin/sh", "-c", "ss -ltnp | grep -c \"pid=" + local.srcmstr().pid() + ",\" || true"),
                        Map.of());
        assertEquals("0", r.out().trim(), r.toString());
    }
}
