package org.opensrc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * Files others can change, through the real launchers: a root subsystem whose program lies in a 0777 folder, and
 * srcmstr's own configuration writable by others; warned about, and with {@code strict.permissions=true} in
 * srcmstr.conf refused.
 */
class TrustIT {

    Path open;
    Path program;
    SrcRoot src;

    @BeforeEach
    void aRootProgramInAFolderEverybodyMayWrite() throws Exception {
        open = Files.createTempDirectory("opensrc-open-");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        program = Files.writeString(open.resolve("daemon"), "#!/bin/sh\nexec sleep 300\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (src != null) {
            src.close();
        }
        Files.deleteIfExists(program);
        Files.deleteIfExists(open.resolve("ran-as-root"));
        Files.deleteIfExists(open);
    }

    private SrcRoot withConfig(String conf) throws Exception {
        SrcRoot root = SrcRoot.empty();
        Files.createDirectories(root.root.resolve("etc/src"));
        Files.writeString(root.root.resolve("etc/src/srcmstr.conf"), conf);
        return root;
    }

    private String expectedFinding() {
        return open + ": directory writable by group and others (mode 0777)";
    }

    @Test
    void aRootProgramOthersCanReplaceIsWarnedAboutAndStillStarts() throws Exception {
        src = SrcRoot.start();
        var made = src.run("mkssys", "-s", "exposed", "-p", program.toString(), "-u", "0");
        assertEquals(0, made.status(), made.toString());
        assertEquals("0513-071 The exposed Subsystem has been added.\n", made.out());
        assertTrue(
                made.err().startsWith("warning: " + program + " runs as root but others can change it: "),
                made.toString());
        assertTrue(made.err().contains(expectedFinding()), made.toString());

        var started = src.run("startsrc", "-s", "exposed");
        assertEquals(0, started.status(), started.toString());
        assertTrue(src.log().contains("exposed: " + program + " runs as root but others can change it"), src.log());

        var asNobody = src.run("mkssys", "-s", "unprivileged", "-p", program.toString(), "-u", "65534");
        assertEquals("", asNobody.err(), "only root programs are checked");
    }

    @Test
    void withTheStrictSettingStartsrcRefusesARootProgramNobodyReplaced() throws Exception {
        src = withConfig("strict.permissions=true\n");
        src.startSrcmstr();
        assertEquals(0, src.run("mkssys", "-s", "exposed", "-p", program.toString(), "-u", "0").status());
        Path marker = open.resolve("ran-as-root");
        String evil = "#!/bin/sh\nid -u > " + marker + "\nexec sleep 300\n";
        var replaced =
                src.exec(
                        List.of(
                                "/usr/bin/setpriv",
                                "--reuid=nobody",
                                "--regid=nogroup",
                                "--clear-groups",
                                "--",
                                "/bin/sh",
                                "-c",
                                "rm -f " + program + " && printf '%s' \"$0\" > " + program + " && chmod 755 " + program,
                                evil),
                        Map.of());
        assertEquals(0, replaced.status(), "nobody replaced the root program: " + replaced);

        var refused = src.run("startsrc", "-s", "exposed");
        assertEquals(1, refused.status(), refused.toString());
        assertTrue(
                refused.out().startsWith("0513-015 The exposed Subsystem could not be started."), refused.toString());
        assertTrue(
                refused.out()
                        .contains(
                                "srcmstr: not started (strict.permissions=true): "
                                        + program
                                        + " runs as root but others can change it: "
                                        + program
                                        + ": owned by uid 65534, not root; "
                                        + expectedFinding()),
                refused.toString());
        assertTrue(src.run("lssrc", "-s", "exposed").out().contains("inoperative"));
        assertFalse(Files.exists(marker), "nobody's program ran as root");
        Files.delete(program);
        Files.writeString(program, "#!/bin/sh\nexec sleep 300\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));

        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        var started = src.run("startsrc", "-s", "exposed");
        assertEquals(0, started.status(), started.toString());
        assertTrue(started.out().startsWith("0513-059 The exposed Subsystem has been started."), started.toString());
    }

    @Test
    void aConfigurationFileOthersCanWriteIsWarnedAboutAtStart() throws Exception {
        src = withConfig("");
        Files.setPosixFilePermissions(
                src.root.resolve("etc/src/srcmstr.conf"), PosixFilePermissions.fromString("rw-rw-rw-"));
        src.startSrcmstr();
        String stderr = Files.readString(src.root.resolve("srcmstr.stderr"));
        assertTrue(
                stderr.contains(
                        "srcmstr: warning: others can change srcmstr's configuration: "
                                + src.root.resolve("etc/src/srcmstr.conf")
                                + ": file writable by group and others (mode 0666)"),
                stderr);
        assertEquals(0, src.run("lssrc", "-a").status());
    }

    @Test
    void withTheStrictSettingSrcmstrDoesNotStartWhenOthersCanChangeItsConfiguration() throws Exception {
        src = withConfig("strict.permissions=true\n");
        Files.setPosixFilePermissions(src.root.resolve("etc/src"), PosixFilePermissions.fromString("rwxrwxr-x"));
        var e = assertThrows(IllegalStateException.class, () -> src.startSrcmstr());
        assertTrue(
                e.getMessage()
                        .contains(
                                "srcmstr: not started (strict.permissions=true): others can change srcmstr's configuration: "
                                        + src.root.resolve("etc/src")
                                        + ": directory writable by group (mode 0775)"),
                e.getMessage());
        assertEquals(1, src.srcmstr().waitFor());
    }
}
