package org.opensrc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A boot-like run: srcmstr, the shipped definitions, rc.tcpip, then lssrc. And the unit files. */
class BootIT {

    @Test
    void loadsrcdefsThenRcTcpipStartsTheTcpipGroup() throws Exception {
        try (SrcRoot src = SrcRoot.start()) {
            Files.createDirectories(src.root.resolve("etc"));
            int port;
            try (var s = new java.net.ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Files.writeString(src.root.resolve("etc/services"), "daytime " + port + "/tcp\n");
            Files.writeString(src.root.resolve("etc/inetd.conf"), "daytime stream tcp nowait root internal\n");
            var defs = src.run("loadsrcdefs");
            assertEquals(0, defs.status(), defs.toString());
            assertTrue(defs.out().contains("0513-071 The inetd Subsystem has been added."), defs.toString());
            var again = src.run("loadsrcdefs");
            assertTrue(again.out().contains("inetd is already defined"), again.toString());
            var boot = src.exec(List.of(SrcRoot.TREE.resolve("etc/rc.tcpip").toString()), Map.of());
            assertEquals(0, boot.status(), boot.toString());
            assertTrue(boot.out().contains("0513-059 The inetd Subsystem has been started."), boot.toString());
            var group = src.run("lssrc", "-g", "tcpip");
            assertEquals(0, group.status(), group.toString());
            assertTrue(group.lines().get(1).startsWith(" inetd            tcpip            "), group.toString());
            assertTrue(group.lines().get(1).endsWith("active"), group.toString());
            src.awaitAttached("inetd");
            assertTrue(src.run("lssrc", "-T").out().contains("ftp:inetd:21:"));
        }
    }

    @Test
    void theSystemdUnitsPassSystemdAnalyzeVerify() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")), "systemd-analyze is installed");
        Path dir = Files.createTempDirectory("opensrc-units-");
        try (SrcRoot src = SrcRoot.empty()) {
            for (String unit : List.of("srcmstr.service", "opensrc-tcpip.service")) {
                String text =
                        Files.readString(SrcRoot.TREE.resolve("etc/systemd").resolve(unit))
                                .replace("/opt/opensrc", SrcRoot.TREE.toString());
                Files.writeString(dir.resolve(unit), text);
            }
            var r =
                    src.exec(
                            List.of(
                                    "systemd-analyze",
                                    "verify",
                                    dir.resolve("srcmstr.service").toString(),
                                    dir.resolve("opensrc-tcpip.service").toString()),
                            Map.of("SYSTEMD_LOG_LEVEL", "err"));
            String problems =
                    (r.out() + r.err())
                            .lines()
                            .filter(l -> l.contains("srcmstr.service") || l.contains("opensrc-tcpip.service"))
                            .filter(l -> !l.contains("Documentation"))
                            .reduce("", (a, b) -> a + b + "\n");
            assertEquals("", problems, r.toString());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
