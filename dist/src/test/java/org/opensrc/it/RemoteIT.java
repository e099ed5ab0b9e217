package org.opensrc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
        for (List<String> argv : List.of(List.of(mksrccert, "ca", certs.toString()),
                List.of(mksrccert, "server", certs.toString(), "localhost", "127.0.0.1"),
                List.of(mksrccert, "client", certs.toString(), "admin"),
                List.of(mksrccert, "client", certs.toString(), "stranger"))) {
            var r = local.exec(argv, Map.of());
            assertEquals(0, r.status(), r.toString());
        }
        Path remoteDir = Files.createDirectories(remote.root.resolve("etc/src/remote"));
        for (String f : List.of("ca.pem", "server.pem", "server.key")) {
            Files.copy(certs.resolve("localhost").resolve(f), remoteDir.resolve(f));
        }
        Files.writeString(remoteDir.resolve("allow"), "# who may control this host\nadmin\n");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        hostPort = "127.0.0.1:" + port;
        remote.startSrcmstr(Map.of("SRC_REMOTE_PORT", Integer.toString(port), "SRC_REMOTE_BIND", "127.0.0.1"), "-r");
        assertEquals(0, remote.run("mkssys", "-s", "faraway", "-p", "/bin/sleep", "-a", "300", "-u", "0").status());
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
        assertEquals(List.of("Subsystem         Group            PID          Status",
                " faraway                                        inoperative"), r.lines());
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
        assertTrue(r.err().startsWith("0513-053"), r.toString());
        assertTrue(remote.run("lssrc", "-s", "faraway").out().contains("inoperative"));
        Files.delete(empty);
    }

    @Test
    void aCertificateNotOnTheAllowListGets0513027() {
        var r = lssrcAs("stranger");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().startsWith("0513-027"), r.toString());
    }

    @Test
    void withoutDashRNothingListensOnTheNetwork() throws Exception {
        var r = local.exec(List.of("/bin/sh", "-c", "ss -ltnp | grep -c \"pid=" + local.srcmstr().pid() + ",\" || true"), Map.of());
        assertEquals("0", r.out().trim(), r.toString());
    }
}
