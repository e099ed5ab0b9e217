package org.opensrc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/** The definition commands through the real launchers against a real srcmstr. */
class DefinitionsIT {

    static SrcRoot src;

    @BeforeAll
    static void start() throws Exception {
        src = SrcRoot.start();
    }

    @AfterAll
    static void stop() throws Exception {
        src.close();
    }

    @Test
    void mkssysOfSshdListsInSmitFormatExactlyAsAix() {
        var made =
                src.run(
                        "mkssys",
                        "-s",
                        "sshd",
                        "-p",
                        "/usr/sbin/sshd",
                        "-a",
                        "-D",
                        "-u",
                        "0",
                        "-S",
                        "-n",
                        "15",
                        "-f",
                        "9",
                        "-R",
                        "-G",
                        "tcpip");
        assertEquals(0, made.status(), made.toString());
        assertEquals("0513-071 The sshd Subsystem has been added.\n", made.out());

        var listed = src.run("lssrc", "-S", "-s", "sshd");
        assertEquals(0, listed.status(), listed.toString());
        assertEquals(
                List.of(
                        "#subsysname:synonym:cmdargs:path:uid:auditid:standin:standout:standerr:action:multi:contact:svrkey:svrmtype:priority:signorm:sigforce:display:waittime:grpname:",
                        "sshd::-D:/usr/sbin/sshd:0:0:/dev/console:/dev/console:/dev/console:-R:-Q:-S:0:0:20:15:9:-d:20:tcpip:"),
                listed.lines());

        var again = src.run("mkssys", "-s", "sshd", "-p", "/usr/sbin/sshd", "-u", "0");
        assertEquals(1, again.status(), again.toString());
        assertEquals("0513-075 The new subsystem name is already on file.\n", again.out());
        var synonym = src.run("mkssys", "-s", "sshd2", "-t", "sshd", "-p", "/usr/sbin/sshd", "-u", "0");
        assertEquals(1, synonym.status(), synonym.toString());
        assertEquals("0513-076 The new synonym_name is already on file.\n", synonym.out());
    }

    @Test
    void lssrcOfAnUnknownSubsystemDefinitionPrintsNothingAndSucceedsAsAix() {
        var r = src.run("lssrc", "-S", "-s", "nosuch");
        assertEquals(0, r.status(), r.toString());
        assertEquals("", r.out(), r.toString());
        assertEquals("", r.err(), r.toString());
        var clustered = src.run("lssrc", "-Ss", "nosuch");
        assertEquals(0, clustered.status(), clustered.toString());
        assertEquals("", clustered.out() + clustered.err(), clustered.toString());
        var json = src.run("lssrc", "-S", "-s", "nosuch", "--json");
        assertEquals(0, json.status(), json.toString());
        assertEquals("[]", json.out().replaceAll("\\s", ""), json.toString());
    }

    @Test
    void emptySubserverAndNotifyClassesListTheirHeaderOnlyAsAix() throws Exception {
        try (SrcRoot empty = SrcRoot.start()) {
            var t = empty.run("lssrc", "-T");
            assertEquals(0, t.status(), t.toString());
            assertEquals(List.of("#sub_type:subsysname:sub_code:"), t.lines());
            assertEquals("", t.err(), t.toString());
            var n = empty.run("lssrc", "-N");
            assertEquals(0, n.status(), n.toString());
            assertEquals(List.of("#notifyname:notifymethod:"), n.lines());
            assertEquals("", n.err(), n.toString());
            var s = empty.run("lssrc", "-S");
            assertEquals(0, s.status(), s.toString());
            assertEquals(1, s.lines().size(), s.toString());
            assertTrue(s.out().startsWith("#subsysname:"), s.toString());
        }
    }

    @Test
    void aNonAdminUserMayListButNotChange() {
        src.run("mkssys", "-s", "listme", "-p", "/bin/true", "-u", "0");
        var nobody = List.of("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--");
        var list = src.exec(cat(nobody, SrcRoot.TREE.resolve("bin/lssrc").toString(), "-S"), Map.of());
        assertEquals(0, list.status(), list.toString());
        assertTrue(list.out().contains("listme::"), list.toString());
        var make =
                src.exec(
                        cat(
                                nobody,
                                SrcRoot.TREE.resolve("bin/mkssys").toString(),
                                "-s",
                                "x",
                                "-p",
                                "/bin/true",
                                "-u",
                                "0"),
                        Map.of());
        assertEquals(1, make.status(), make.toString());
        assertEquals(
                "0513-019 System Resource Controller requires that you be running as \nroot or be part of the group system for local requests.\n",
                make.out());
    }

    @Test
    void subserversAndNotifyMethodsFollowARenameAndGoWithRmssys() throws Exception {
        assertEquals(0, src.run("mkssys", "-s", "old", "-p", "/bin/sleep", "-a", "100", "-u", "0").status());
        assertEquals(
                "0513-065 The oldsrv Subserver has been added.\n",
                src.run("mkserver", "-s", "old", "-t", "oldsrv", "-c", "7").out());
        assertEquals(
                "0513-068 The old Notify method has been added.\n",
                src.run("mknotify", "-n", "old", "-m", "/bin/true").out());
        assertEquals("0513-077 Subsystem has been changed.\n", src.run("chssys", "-s", "old", "-s", "new").out());
        assertEquals(
                List.of("#sub_type:subsysname:sub_code:", "oldsrv:new:7:"),
                src.run("lssrc", "-T", "-t", "oldsrv").lines());
        assertEquals(
                List.of("#notifyname:notifymethod:", "new:/bin/true:"), src.run("lssrc", "-N", "-n", "new").lines());
        assertEquals("0513-083 Subsystem has been Deleted.\n", src.run("rmssys", "-s", "new").out());
        var gone = src.run("lssrc", "-T", "-t", "oldsrv");
        assertEquals(1, gone.status(), gone.toString());
        assertTrue(!Files.readString(src.root.resolve("etc/src/SRCsubsvr.json")).contains("oldsrv"));
        assertTrue(!Files.readString(src.root.resolve("etc/src/SRCnotify.json")).contains("\"new\""));
    }

    @Test
    void flagConflictsPrintTheUsage() {
        var r = src.run("mkssys", "-s", "x", "-p", "/bin/true", "-u", "0", "-S", "-n", "15");
        assertEquals(1, r.status());
        assertTrue(r.out().startsWith("0513-069 Usage: mkssys"), r.toString());
        var both = src.run("mkssys", "-s", "x", "-p", "/bin/true", "-u", "0", "-R", "-O");
        assertEquals(1, both.status());
        assertTrue(both.out().startsWith("0513-069 Usage: mkssys"), both.toString());
    }

    @Test
    void aDefinitionOverSrcmstrsRequestLimitIsRefusedWithResourceExhaustedAndNothingIsDefined() {
        // three arguments of 100 KB (each under the kernel's 128 KB per argument): 300 KB against 256 KiB
        String long100k = "a".repeat(100_000);
        var r =
                src.run(
                        "mkssys",
                        "-s",
                        "toobig",
                        "-p",
                        "/bin/true",
                        "-u",
                        "0",
                        "-a",
                        long100k,
                        "-o",
                        "/tmp/" + long100k,
                        "-e",
                        "/tmp/" + long100k);
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.out().contains("0513-002"), r.toString());
        assertTrue(r.out().contains("(RESOURCE_EXHAUSTED)"), r.toString());
        assertEquals("", src.run("lssrc", "-S", "-s", "toobig").out());
    }

    @Test
    void theChangeLogNamesWhoMadeEachChange() throws Exception {
        src.run("mkssys", "-s", "logged", "-p", "/bin/true", "-u", "0");
        assertTrue(src.log().contains("logged"), src.log());
        assertTrue(src.log().contains("uid=0"), src.log());
    }

    @Test
    void chssysChangesOneExtensionAndKeepsTheOthers() {
        assertEquals(
                0, src.run("mkssys", "-s", "ext", "-p", "/bin/true", "-u", "0", "--backoff", "--readiness").status());
        assertEquals(
                "0513-077 Subsystem has been changed.\n", src.run("chssys", "-s", "ext", "--kill-escalation").out());
        String json = src.run("lssrc", "-S", "-s", "ext", "--json").out().replaceAll("\\s", "");
        assertTrue(json.contains("\"backoff\":true"), json);
        assertTrue(json.contains("\"readiness\":true"), json);
        assertTrue(json.contains("\"kill_escalation\":true") || json.contains("\"killEscalation\":true"), json);
    }

    @Test
    void aixSignalNumbersThatDifferOnLinuxAreMappedWithAWarning() {
        var r = src.run("mkssys", "-s", "portmap", "-p", "/usr/sbin/rpcbind", "-u", "0", "-S", "-n", "30", "-f", "31");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.err().contains("SIGUSR1"), r.toString());
        assertTrue(src.run("lssrc", "-S", "-s", "portmap").out().contains(":-S:0:0:20:10:12:-d:20::"));
    }

    private static List<String> cat(List<String> prefix, String... rest) {
        var all = new java.util.ArrayList<>(prefix);
        all.addAll(List.of(rest));
        return all;
    }
}
