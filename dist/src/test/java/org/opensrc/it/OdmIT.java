package org.opensrc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** odmget, odmadd, odmchange and odmdelete on the SRC object classes, through the real launchers and srcmstr. */
class OdmIT {

    static SrcRoot src;

    @BeforeAll
    static void start() throws Exception {
        src = SrcRoot.start();
    }

    @AfterAll
    static void stop() throws Exception {
        src.close();
    }

    private static Path file(String name, String text) throws IOException {
        Path f = src.root.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static String auditid() throws IOException {
        return Files.getAttribute(Path.of("/proc/self"), "unix:uid").toString();
    }

    /** Two subsystems (one with AIX signal numbers), a subserver of the first, a notify method of their group. */
    private static final String DEFINITIONS =
            """

            SRCsubsys:
            	subsysname = "odmsock"
            	synonym = ""
            	cmdargs = "-x 'a b'"
            	path = "/bin/sleep"
            	uid = 0
            	auditid = 0
            	standin = "/dev/null"
            	standout = "/dev/null"
            	standerr = "/dev/null"
            	action = 2
            	multi = 0
            	contact = 3
            	svrkey = 0
            	svrmtype = 0
            	priority = 20
            	signorm = 0
            	sigforce = 0
            	display = 1
            	waittime = 20
            	grpname = "tcpodm"

            SRCsubsys:
            	subsysname = "odmsig"
            	path = "/bin/sleep"
            	cmdargs = "600"
            	action = 1
            	contact = 2
            	signorm = 30
            	sigforce = 9
            	grpname = "tcpodm"

            SRCsubsvr:
            	sub_type = "odmftp"
            	subsysname = "odmsock"
            	sub_code = 2121

            SRCnotify:
            	notifyname = "tcpodm"
            	notifymethod = "/bin/true"
            """;

    @Test
    void odmaddLoadsAStanzaFileThatOdmgetPrintsBackInAixStanzaFormat() throws Exception {
        Path f = file("defs", DEFINITIONS);
        var added = src.run("odmadd", f.toString());
        assertEquals(0, added.status(), added.toString());
        assertEquals("", added.out(), added.toString());
        assertEquals("AIX signal 30 is SIGUSR1, which is signal 10 on Linux; using SIGUSR1.\n", added.err());

        var one = src.run("odmget", "-q", "subsysname=odmsock", "SRCsubsys");
        assertEquals(0, one.status(), one.toString());
        assertEquals(
                String.join(
                        "\n",
                        "",
                        "SRCsubsys:",
                        "\tsubsysname = \"odmsock\"",
                        "\tsynonym = \"\"",
                        "\tcmdargs = \"-x 'a b'\"",
                        "\tpath = \"/bin/sleep\"",
                        "\tuid = 0",
                        "\tauditid = " + auditid(),
                        "\tstandin = \"/dev/null\"",
                        "\tstandout = \"/dev/null\"",
                        "\tstanderr = \"/dev/null\"",
                        "\taction = 2",
                        "\tmulti = 0",
                        "\tcontact = 3",
                        "\tsvrkey = 0",
                        "\tsvrmtype = 0",
                        "\tpriority = 20",
                        "\tsignorm = 0",
                        "\tsigforce = 0",
                        "\tdisplay = 1",
                        "\twaittime = 20",
                        "\tgrpname = \"tcpodm\"",
                        ""),
                one.out());

        var group = src.run("odmget", "-q", "grpname like 'tcp*'", "SRCsubsys");
        assertEquals(0, group.status(), group.toString());
        assertEquals(
                List.of("\tsubsysname = \"odmsock\"", "\tsubsysname = \"odmsig\""),
                group.lines().stream().filter(l -> l.startsWith("\tsubsysname")).toList());
        assertTrue(group.out().contains("\tsignorm = 30\n\tsigforce = 9\n"), group.toString());

        var smit = src.run("lssrc", "-S", "-s", "odmsig");
        assertTrue(smit.out().contains("odmsig::600:/bin/sleep:0:"), smit.toString());
        assertTrue(smit.out().contains(":-R:-Q:-S:0:0:20:10:9:-d:20:tcpodm:"), smit.toString());

        var subserver = src.run("odmget", "-q", "subsysname = odmsock", "SRCsubsvr");
        assertEquals(0, subserver.status(), subserver.toString());
        assertEquals(
                "\nSRCsubsvr:\n\tsub_type = \"odmftp\"\n\tsubsysname = \"odmsock\"\n\tsub_code = 2121\n",
                subserver.out());
        var twoClasses = src.run("odmget", "SRCsubsvr", "SRCnotify");
        assertEquals(0, twoClasses.status(), twoClasses.toString());
        assertTrue(
                twoClasses.out().indexOf("\nSRCsubsvr:\n") < twoClasses.out().indexOf("\nSRCnotify:\n"),
                twoClasses.toString());
        var notify = src.run("odmget", "-q", "notifyname = tcpodm", "SRCnotify");
        assertEquals("\nSRCnotify:\n\tnotifyname = \"tcpodm\"\n\tnotifymethod = \"/bin/true\"\n", notify.out());
    }

    @Test
    void odmchangeSetsADescriptorOfTheMatchingObjectsAsLssrcShows() throws Exception {
        file("chg.add", "SRCsubsys:\n\tsubsysname = odmchg\n\tpath = /bin/true\n\tuid = 0\n");
        assertEquals(0, src.run("odmadd", src.root.resolve("chg").toString()).status());
        Path change = file("chg.change", "SRCsubsys:\n\tcmdargs = \"-v -w\"\n\tpriority = 30\n");
        var changed = src.run("odmchange", "-o", "SRCsubsys", "-q", "subsysname = 'odmchg'", change.toString());
        assertEquals(0, changed.status(), changed.toString());
        assertEquals("", changed.out() + changed.err(), changed.toString());
        var listed = src.run("lssrc", "-S", "-s", "odmchg");
        assertTrue(listed.out().contains("odmchg::-v -w:/bin/true:0:"), listed.toString());
        assertTrue(listed.out().contains(":30:0:0:-d:20::"), listed.toString());
    }

    @Test
    void odmdeleteRemovesTheMatchingObjectsAndCountsThem() throws Exception {
        Path f =
                file(
                        "del",
                        "SRCsubsys:\n\tsubsysname = odmdel1\n\tpath = /bin/true\n\tgrpname = odmdel\n\n"
                                + "SRCsubsys:\n\tsubsysname = odmdel2\n\tpath = /bin/true\n\tgrpname = odmdel\n");
        assertEquals(0, src.run("odmadd", f.toString()).status());
        var deleted = src.run("odmdelete", "-o", "SRCsubsys", "-q", "grpname = odmdel and subsysname like '*2'");
        assertEquals(0, deleted.status(), deleted.toString());
        assertEquals("0518-307 odmdelete: 1 objects deleted.\n", deleted.out());
        assertEquals("", src.run("lssrc", "-S", "-s", "odmdel2").out());
        assertTrue(src.run("lssrc", "-S", "-s", "odmdel1").out().contains("odmdel1::"));
        var none = src.run("odmdelete", "-o", "SRCsubsys", "-q", "subsysname = nosuch");
        assertEquals("0518-307 odmdelete: 0 objects deleted.\n", none.out());
    }

    @Test
    void anotherObjectClassIsNotSupportedWithANonZeroExit() throws Exception {
        var get = src.run("odmget", "-q", "name=hdisk0", "CuDv");
        assertEquals(1, get.status(), get.toString());
        assertEquals(
                "odmget:  Cannot open class CuDv\n"
                        + "OpenSRC keeps only the SRC object classes SRCsubsys, SRCsubsvr and SRCnotify;"
                        + " CuDv is not supported.\n",
                get.err());
        var delete = src.run("odmdelete", "-o", "PdAt");
        assertEquals(1, delete.status(), delete.toString());
        assertTrue(delete.err().startsWith("odmdelete: error opening class 'PdAt'\n"), delete.toString());
        Path f = file("cudv", "CuDv:\n\tname = hdisk0\n");
        var add = src.run("odmadd", f.toString());
        assertEquals(1, add.status(), add.toString());
        assertTrue(
                add.err().startsWith("odmadd:  Cannot open class:  CuDv, stanza line: 1  " + f + "\n"), add.toString());
    }

    @Test
    void aBadStanzaIsNamedByFileAndLineAndNothingIsAdded() throws Exception {
        Path f =
                file(
                        "bad",
                        "SRCsubsys:\n\tsubsysname = odmgood\n\tpath = /bin/true\n\n"
                                + "SRCsubsys:\n\tsubsysname = odmbad\n\tpath /bin/true\n");
        var r = src.run("odmadd", f.toString());
        assertEquals(1, r.status(), r.toString());
        assertEquals("odmadd:  Could not find descriptor name, stanza line: 7  " + f + "\n", r.err());
        assertEquals("", src.run("lssrc", "-S", "-s", "odmgood").out());
        var q = src.run("odmget", "-q", "subsysname = odmgood and", "SRCsubsys");
        assertEquals(1, q.status(), q.toString());
        assertEquals(
                "odmget: Could not retrieve object for SRCsubsys, odm errno 5904\n"
                        + "odmget: incomplete criteria: 'and' ends it\n",
                q.err());
    }

    @Test
    void whatOdmgetPrintsOdmaddLoadsAgainFromStandardInput() throws Exception {
        Path f =
                file(
                        "rt",
                        "SRCsubsys:\n\tsubsysname = odmrt\n\tpath = /bin/true\n\tsignorm = 15\n\tsigforce = 9\n"
                                + "\tcontact = 2\n\tcmdargs = \"a \\\"b\\\" \\\\c\"\n");
        assertEquals(0, src.run("odmadd", f.toString()).status());
        var before = src.run("odmget", "-q", "subsysname = odmrt", "SRCsubsys");
        Files.writeString(src.root.resolve("rt.out"), before.out());
        assertEquals(
                "0518-307 odmdelete: 1 objects deleted.\n",
                src.run("odmdelete", "-q", "subsysname = odmrt", "-o", "SRCsubsys").out());
        var again =
                src.exec(
                        List.of(
                                "/bin/sh",
                                "-c",
                                "\"$0\" < \"$1\"",
                                SrcRoot.TREE.resolve("bin/odmadd").toString(),
                                src.root.resolve("rt.out").toString()),
                        Map.of());
        assertEquals(0, again.status(), again.toString());
        assertEquals(before.out(), src.run("odmget", "-q", "subsysname = odmrt", "SRCsubsys").out());
    }

    @Test
    void odmchangeChangesSubserversAndNotifyMethodsAndABadFileChangesNothing() throws Exception {
        Path f =
                file(
                        "svr",
                        "SRCsubsys:\n\tsubsysname = odmsvr\n\tpath = /bin/true\n\n"
                                + "SRCsubsvr:\n\tsub_type = odmtn\n\tsubsysname = odmsvr\n\tsub_code = 2323\n\n"
                                + "SRCnotify:\n\tnotifyname = odmsvr\n\tnotifymethod = /bin/true\n");
        assertEquals(0, src.run("odmadd", f.toString()).status());
        Path code = file("svr.change", "SRCsubsvr:\n\tsub_code = 2424\n\nSRCnotify:\n\tnotifymethod = /bin/false\n");
        var svr = src.run("odmchange", "-o", "SRCsubsvr", "-q", "sub_type = odmtn", code.toString());
        assertEquals(0, svr.status(), svr.toString());
        assertTrue(src.run("lssrc", "-T", "-t", "odmtn").out().contains("odmtn:odmsvr:2424:"));
        var notify = src.run("odmchange", "-o", "SRCnotify", "-q", "notifyname = odmsvr", code.toString());
        assertEquals(0, notify.status(), notify.toString());
        assertTrue(src.run("lssrc", "-N", "-n", "odmsvr").out().contains("odmsvr:/bin/false:"));

        Path bad = file("bad.change", "SRCsubsvr:\n\tsub_code = 2525\n\nSRCsubsvr:\n\tsub_code = many\n");
        var refused = src.run("odmchange", "-o", "SRCsubsvr", "-q", "sub_type = odmtn", bad.toString());
        assertEquals(1, refused.status(), refused.toString());
        assertEquals("odmchange: invalid numeric value, stanza line: 5\n", refused.err());
        assertTrue(src.run("lssrc", "-T", "-t", "odmtn").out().contains("odmtn:odmsvr:2424:"));
    }

    @Test
    void anRcStyleScriptFindsItsDaemonWithOdmgetAndStartsIt() throws Exception {
        assertEquals(
                0,
                src.run(
                                "mkssys",
                                "-s",
                                "odmrc",
                                "-p",
                                "/bin/sleep",
                                "-a",
                                "600",
                                "-u",
                                "0",
                                "-S",
                                "-n",
                                "15",
                                "-f",
                                "9")
                        .status());
        String script =
                "PATH=\"$0:$PATH\"\n"
                        + "start() {\n"
                        + "  if [ -n \"$(odmget -q subsysname=$1 SRCsubsys)\" ]; then startsrc -s $1;\n"
                        + "  else echo \"$1 is not defined\"; fi\n"
                        + "}\n"
                        + "start odmrc\n"
                        + "start odmnone\n";
        var r = src.exec(List.of("/bin/sh", "-c", script, SrcRoot.TREE.resolve("bin").toString()), Map.of());
        assertEquals(0, r.status(), r.toString());
        assertTrue(
                r.out().startsWith("0513-059 The odmrc Subsystem has been started. Subsystem PID is "), r.toString());
        assertTrue(r.out().endsWith("odmnone is not defined\n"), r.toString());
        src.run("stopsrc", "-s", "odmrc");
    }
}
