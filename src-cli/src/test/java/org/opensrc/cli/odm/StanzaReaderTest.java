package org.opensrc.cli.odm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.opensrc.cli.odm.StanzaException.Problem;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

class StanzaReaderTest {

    /** What AIX 7 prints for {@code odmget SRCsubsys} (two objects, one signal contact with AIX 30/31). */
    static final String AIX_ODMGET =
            """

            SRCsubsys:
            	subsysname = "sshd"
            	synonym = ""
            	cmdargs = "-D"
            	path = "/usr/sbin/sshd"
            	uid = 0
            	auditid = 0
            	standin = "/dev/console"
            	standout = "/dev/console"
            	standerr = "/dev/console"
            	action = 1
            	multi = 0
            	contact = 3
            	svrkey = 0
            	svrmtype = 0
            	priority = 20
            	signorm = 0
            	sigforce = 0
            	display = 1
            	waittime = 20
            	grpname = "ssh"

            SRCsubsys:
            	subsysname = "xntpd"
            	synonym = ""
            	cmdargs = "-x"
            	path = "/usr/sbin/xntpd"
            	uid = 0
            	auditid = 0
            	standin = "/dev/console"
            	standout = "/dev/console"
            	standerr = "/dev/console"
            	action = 2
            	multi = 0
            	contact = 2
            	svrkey = 0
            	svrmtype = 0
            	priority = 20
            	signorm = 30
            	sigforce = 31
            	display = 1
            	waittime = 20
            	grpname = "tcpip"
            """;

    private static Map<String, String> values(Stanza s) {
        return s.fields().stream()
                .collect(
                        Collectors.toMap(
                                Stanza.Field::name, Stanza.Field::value, (a, b) -> b, java.util.LinkedHashMap::new));
    }

    @Test
    void readsAnAixOdmgetOutputWithItsNumbersAndQuotedStrings() throws Exception {
        List<Stanza> stanzas = StanzaReader.read(AIX_ODMGET);
        assertEquals(2, stanzas.size());
        Stanza sshd = stanzas.get(0);
        assertEquals("SRCsubsys", sshd.className());
        assertEquals(2, sshd.line());
        assertEquals(20, sshd.fields().size());
        assertEquals("sshd", values(sshd).get("subsysname"));
        assertEquals("", values(sshd).get("synonym"));
        assertEquals("1", values(sshd).get("action"));
        assertEquals(3, sshd.fields().get(0).line());
        Stanza xntpd = stanzas.get(1);
        assertEquals(24, xntpd.line());
        assertEquals("30", values(xntpd).get("signorm"));
        assertEquals("tcpip", values(xntpd).get("grpname"));
    }

    @Test
    void quotesGroupBlanksEscapesAreResolvedAndUnquotedBlanksDropped() throws Exception {
        String text =
                "SRCsubsys:\n"
                        + "\tcmdargs = \"-a  'b c'\"   \n"
                        + "\tpath =   /usr/bin/x  \n"
                        + "\tstandout = \"/tmp/a\\\"b\\\\c\\td\"\n"
                        + "\tgrpname = part\" one\"two\n";
        var v = values(StanzaReader.read(text).getFirst());
        assertEquals("-a  'b c'", v.get("cmdargs"));
        assertEquals("/usr/bin/x", v.get("path"));
        assertEquals("/tmp/a\"b\\c\td", v.get("standout"));
        assertEquals("part onetwo", v.get("grpname"));
    }

    @Test
    void commentsAreSkippedAndAnUnquotedHashOrStarEndsTheLine() throws Exception {
        String text =
                "# a comment\n"
                        + "* another\n"
                        + "SRCnotify:\n"
                        + "\tnotifyname = tcpip   # who\n"
                        + "\tnotifymethod = \"/bin/echo *#\"\n";
        List<Stanza> stanzas = StanzaReader.read(text);
        assertEquals(1, stanzas.size());
        assertEquals(3, stanzas.getFirst().line());
        assertEquals(Map.of("notifyname", "tcpip", "notifymethod", "/bin/echo *#"), values(stanzas.getFirst()));
    }

    @Test
    void aBackslashAtTheEndContinuesTheLineAndAQuotedValueMaySpanLines() throws Exception {
        String text = "SRCsubsys:\n\tcmdargs = \"one \\\ntwo\"\n\tpath = \"/a\nb\"\n\tgrpname = g\n";
        var v = values(StanzaReader.read(text).getFirst());
        assertEquals("one two", v.get("cmdargs"));
        assertEquals("/a\nb", v.get("path"));
        assertEquals("g", v.get("grpname"));
    }

    @Test
    void aClassLineStartsANewStanzaWithoutABlankLine() throws Exception {
        String text = "SRCsubsvr:\n\tsub_type = ftp\nSRCsubsvr:\n\tsub_type = telnet\n";
        List<Stanza> stanzas = StanzaReader.read(text);
        assertEquals(2, stanzas.size());
        assertEquals(3, stanzas.get(1).line());
        assertEquals("telnet", values(stanzas.get(1)).get("sub_type"));
    }

    @Test
    void aLineWithoutAnEqualSignIsNamedWithItsLine() {
        var e =
                assertThrows(
                        StanzaException.class,
                        () -> StanzaReader.read("\nSRCsubsys:\n\tsubsysname = a\n\tpath /bin/true\n"));
        assertEquals(Problem.NO_DESCRIPTOR_NAME, e.problem());
        assertEquals(4, e.line());
    }

    @Test
    void aStanzaWithoutAClassNameIsRefused() {
        var e = assertThrows(StanzaException.class, () -> StanzaReader.read("\n\n\tsubsysname = a\n"));
        assertEquals(Problem.NO_CLASS_NAME, e.problem());
        assertEquals(3, e.line());
    }

    @Test
    void aQuoteThatNeverEndsIsAnInvalidStanza() {
        var e =
                assertThrows(
                        StanzaException.class,
                        () -> StanzaReader.read("SRCsubsys:\n\tsubsysname = a\n\tpath = \"/bin/true\n"));
        assertEquals(Problem.INVALID_STANZA, e.problem());
        assertEquals(1, e.line());
    }

    @Test
    void anEmptyFileHasNoStanzas() throws Exception {
        assertEquals(List.of(), StanzaReader.read(""));
        assertEquals(List.of(), StanzaReader.read("\n\n# only a comment\n"));
    }
}
