package org.opensrc.cli.tcpip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

class InetdConfEditorTest {

    static final String CONF =
            """
            ## IBM comment: the ftp daemon
            ftp\tstream\ttcp6\tnowait\troot\t/usr/sbin/ftpd\tftpd
            #telnet\tstream\ttcp6\tnowait\troot\t/usr/sbin/telnetd\ttelnetd -a
            # uucp stream tcp is how uucp runs; this is a comment
            #<off># finger stream tcp nowait nobody /usr/sbin/in.fingerd in.fingerd
            echo  stream  tcp  nowait  root  internal
            """;

    final InetdConfEditor editor =
            new InetdConfEditor(
                    new InetdConfEditor.Checks() {
                        @Override
                        public boolean serviceKnown(String name, String protocol) {
                            return Set.of("ftp", "telnet", "finger", "echo", "gregserv", "uucp").contains(name);
                        }

                        @Override
                        public boolean userExists(String user) {
                            return Set.of("root", "nobody").contains(user);
                        }
                    });

    static InetdValues select(String service, String protocol) {
        return new InetdValues(service, protocol, null, null, null, null, List.of());
    }

    static String changed(InetdConfEditor.Result result) {
        return ((InetdConfEditor.Changed) result).text();
    }

    @Test
    void activateUncommentsTheEntryAndKeepsEveryOtherByte() {
        assertEquals(CONF.replace("#telnet\t", "telnet\t"), changed(editor.activate(CONF, select("telnet", "tcp6"))));
    }

    @Test
    void activateReadsDebiansOffMarker() {
        assertEquals(CONF.replace("#<off># finger", "finger"), changed(editor.activate(CONF, select("finger", "tcp"))));
    }

    @Test
    void activateOfAnActiveEntryChangesNothing() {
        assertEquals(new InetdConfEditor.Unchanged(), editor.activate(CONF, select("ftp", "tcp6")));
    }

    @Test
    void activateNeverTakesCommentTextForAnEntry() {
        assertEquals(
                new InetdConfEditor.Refused(
                        "there is no uucp/tcp entry to activate; to add one, give at least -u user and -g program"),
                editor.activate(CONF, select("uucp", "tcp")));
    }

    @Test
    void activateAddsALineWithTabsWhenThereIsNoEntry() {
        var gregserv =
                new InetdValues(
                        "gregserv", "udp", "dgram", "wait", "root", "/usr/sbin/gregserv", List.of("gregserv", "-l"));
        assertEquals(
                CONF + "gregserv\tdgram\tudp\twait\troot\t/usr/sbin/gregserv\tgregserv -l\n",
                changed(editor.activate(CONF, gregserv)));
    }

    @Test
    void anAddedLineTakesItsSocketTypeAndWaitFromTheProtocolAndArgv0FromTheProgram() {
        var line = new InetdValues("uucp", "tcp", null, null, "root", "/usr/sbin/uucpd", List.of());
        assertEquals(
                "x\nuucp\tstream\ttcp\tnowait\troot\t/usr/sbin/uucpd\tuucpd\n", changed(editor.activate("x", line)));
    }

    @Test
    void activateRefusesASecondActiveEntryWithOtherValues() {
        var other = new InetdValues("ftp", "tcp6", null, null, "nobody", null, List.of());
        assertEquals(
                new InetdConfEditor.Refused(
                        "ftp/tcp6 is already active on line 2 with other values; change it with -c"),
                editor.activate(CONF, other));
    }

    @Test
    void deactivateCommentsTheActiveEntryOutWithAPlainHash() {
        assertEquals(
                CONF.replace("\nftp\tstream", "\n#ftp\tstream"),
                changed(editor.deactivate(CONF, select("ftp", "tcp6"))));
        assertEquals(
                CONF.replace("echo  stream", "#echo  stream"), changed(editor.deactivate(CONF, select("echo", "tcp"))));
    }

    @Test
    void deactivateThenActivateGivesBackTheFileByteForByte() {
        String off = changed(editor.deactivate(CONF, select("ftp", "tcp6")));
        assertEquals(CONF, changed(editor.activate(off, select("ftp", "tcp6"))));
    }

    @Test
    void deactivateOfWhatIsNotActiveChangesNothing() {
        assertEquals(new InetdConfEditor.Unchanged(), editor.deactivate(CONF, select("telnet", "tcp6")));
        assertEquals(new InetdConfEditor.Unchanged(), editor.deactivate(CONF, select("ftp", "tcp")));
        assertEquals(new InetdConfEditor.Unchanged(), editor.deactivate(CONF, select("nosuch", "udp")));
    }

    @Test
    void theProtocolMustMatchButTcpAndTcp4AreOne() {
        String text = "daytime stream tcp4 nowait root internal\n";
        assertEquals("#" + text, changed(editor.deactivate(text, select("daytime", "tcp"))));
    }

    @Test
    void aHostPrefixedEntryIsFoundByItsServiceName() {
        String text = "127.0.0.1:echo stream tcp nowait root internal\n";
        assertEquals("#" + text, changed(editor.deactivate(text, select("echo", "tcp"))));
        assertEquals(new InetdConfEditor.Unchanged(), editor.deactivate(text, select("10.0.0.1:echo", "tcp")));
    }

    @Test
    void changeRewritesOnlyTheFieldsThatChange() {
        var changes = new InetdValues(null, null, null, null, "nobody", null, List.of("ftpd", "-l"));
        assertEquals(
                CONF.replace("nowait\troot\t/usr/sbin/ftpd\tftpd", "nowait\tnobody\t/usr/sbin/ftpd\tftpd -l"),
                changed(editor.change(CONF, select("ftp", "tcp6"), changes)));
    }

    @Test
    void changeOfACommentedEntryKeepsItCommented() {
        var changes = new InetdValues(null, null, null, null, "nobody", null, List.of());
        assertEquals(
                CONF.replace("nowait\troot\t/usr/sbin/telnetd", "nowait\tnobody\t/usr/sbin/telnetd"),
                changed(editor.change(CONF, select("telnet", "tcp6"), changes)));
    }

    @Test
    void changeOfAMissingEntryIsRefused() {
        var changes = new InetdValues(null, null, null, "wait", null, null, List.of());
        assertEquals(
                new InetdConfEditor.Refused("there is no gregserv/udp entry to change"),
                editor.change(CONF, select("gregserv", "udp"), changes));
    }

    @Test
    void changeThatWouldDuplicateAnActiveEntryIsRefused() {
        String text = "echo stream tcp nowait root internal\nechoes stream tcp nowait root internal\n";
        var rename = new InetdValues("echo", null, null, null, null, null, List.of());
        assertEquals(
                new InetdConfEditor.Refused("echo/tcp is already active on line 1"),
                editor.change(text.replace("echoes", "ftp"), select("ftp", "tcp"), rename));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "bad protocol|gregserv|sctp|dgram|wait|root|/usr/sbin/gregserv|protocol sctp is not one of tcp, udp, tcp6, udp6, tcp46, udp46",
                "bad socket type|gregserv|udp|raw|wait|root|/usr/sbin/gregserv|socket type raw is not stream or dgram",
                "rpc socket type|gregserv|udp|sunrpc_udp|wait|root|/usr/sbin/gregserv|socket type sunrpc_udp is not supported (OpenSRC's inetd serves no RPC)",
                "bad wait|gregserv|udp|dgram|sometimes|root|/usr/sbin/gregserv|wait indicator sometimes is not wait or nowait",
                "relative program|gregserv|udp|dgram|wait|root|gregserv|program gregserv is not an absolute path or internal",
                "unknown user|gregserv|udp|dgram|wait|nosuchuser|/usr/sbin/gregserv|user nosuchuser does not exist",
                "unknown service|nosuch|udp|dgram|wait|root|/usr/sbin/gregserv|service nosuch/udp is not in the services file",
                "socket type against protocol|gregserv|udp|stream|wait|root|/usr/sbin/gregserv|socket type stream does not go with protocol udp",
                "nowait dgram|gregserv|udp|dgram|nowait|root|/usr/sbin/gregserv|dgram services must be wait (only internal ones may be nowait)",
                "blank in a name|greg serv|udp|dgram|wait|root|/usr/sbin/gregserv|service name 'greg serv' is empty or holds a blank, '#' or '/'",
            })
    void aBadValueIsRefusedNamingTheProblem(
            String why,
            String service,
            String protocol,
            String socketType,
            String waits,
            String user,
            String program,
            String problem) {
        var line = new InetdValues(service, protocol, socketType, waits, user, program, List.of());
        assertEquals(new InetdConfEditor.Refused(problem), editor.activate(CONF, line));
    }

    @Test
    void aNumericServiceNeedsNoServicesEntry() {
        var line = new InetdValues("127.0.0.1:40123", "tcp", null, null, "root", "/bin/echo", List.of("echo", "hi"));
        assertEquals(
                "127.0.0.1:40123\tstream\ttcp\tnowait\troot\t/bin/echo\techo hi\n", changed(editor.activate("", line)));
    }

    @Test
    void aFileWithoutAFinalNewlineKeepsItUnlessALineIsAdded() {
        assertEquals(
                "#echo stream tcp nowait root internal",
                changed(editor.deactivate("echo stream tcp nowait root internal", select("echo", "tcp"))));
    }
}
