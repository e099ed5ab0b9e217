package org.opensrc.cli.odm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensrc.cli.Run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** What the ODM commands refuse before they ask srcmstr (none runs in this root). */
class OdmCommandTest {

    @TempDir Path root;

    private Run run(String command, String... args) {
        return Run.of(root, Map.of(), 0, command, args);
    }

    @Test
    void aBadStanzaIsNamedByLineAndFileBeforeSrcmstrIsAsked() throws Exception {
        Path f = Files.writeString(root.resolve("defs.add"), "SRCsubsys:\n\tsubsysname = a\n\tpriority = high\n");
        var r = run("odmadd", root.resolve("defs").toString());
        assertEquals(new Run(1, "", "odmadd:  Invalid short value, stanza line:  3  " + f + "\n"), r);
    }

    @Test
    void aFileThatCannotBeReadIsNamedWithItsAddExtensionAndTheUsage() {
        var r = run("odmadd", root.resolve("nosuch").toString());
        assertEquals(1, r.status());
        assertEquals(
                "odmadd:  Cannot open file:  " + root.resolve("nosuch") + ".add\n" + OdmMessages.ODMADD_USAGE + "\n",
                r.err());
    }

    @Test
    void otherClassesAreNotSupported() throws Exception {
        String second = "OpenSRC keeps only the SRC object classes SRCsubsys, SRCsubsvr and SRCnotify;";
        assertEquals(
                new Run(1, "", "odmget:  Cannot open class CuDv\n" + second + " CuDv is not supported.\n"),
                run("odmget", "CuDv"));
        assertEquals(
                new Run(1, "", "odmdelete: error opening class 'PdAt'\n" + second + " PdAt is not supported.\n"),
                run("odmdelete", "-o", "/etc/objrepos/PdAt"));
        Path f = Files.writeString(root.resolve("c"), "\nlpp:\n\tname = x\n");
        assertEquals(
                new Run(
                        1,
                        "",
                        "odmadd:  Cannot open class:  lpp, stanza line: 2  "
                                + f
                                + "\n"
                                + second
                                + " lpp is not supported.\n"),
                run("odmadd", f.toString()));
    }

    @Test
    void badCriteriaAreRefusedInEachCommandsWords() throws Exception {
        assertEquals(
                new Run(1, "", "odmdelete: delete failed\nodmdelete: no descriptor 'name' in SRCsubsvr\n"),
                run("odmdelete", "-o", "SRCsubsvr", "-q", "name = x"));
        Path f = Files.writeString(root.resolve("chg"), "SRCsubsys:\n\tpath = /bin/true\n");
        assertEquals(
                new Run(
                        1,
                        "",
                        "odmchange: retrieval error caused by criteria: subsysname ~ x\n"
                                + "odmchange: unknown relation after 'subsysname'\n"),
                run("odmchange", "-o", "SRCsubsys", "-q", "subsysname ~ x", f.toString()));
    }

    @Test
    void odmchangeNamesTheStanzaLineOfAnUnknownDescriptor() throws Exception {
        Path f = Files.writeString(root.resolve("chg"), "SRCsubsvr:\n\tsub_code = 21\n\tport = 21\n");
        assertEquals(
                new Run(1, "", "odmchange: invalid descriptor: port  stanza line: 3\n"),
                run("odmchange", "-o", "SRCsubsvr", f.toString()));
    }

    @Test
    void theUsagesAreAixs() {
        assertEquals(new Run(1, "", OdmMessages.ODMGET_USAGE + "\n"), run("odmget"));
        assertEquals(new Run(1, "", OdmMessages.ODMDELETE_USAGE + "\n"), run("odmdelete", "-q", "a = b"));
        assertEquals(new Run(1, "", OdmMessages.ODMCHANGE_USAGE + "\n"), run("odmchange"));
    }
}
