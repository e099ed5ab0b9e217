package org.opensrc.inetd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

class ConfigParserTest {
    static final ServicesFile SERVICES =
            ServicesFile.parse(
                    """
            echo     7/tcp
            echo     7/udp
            ftp      21/tcp
            telnet   23/tcp
            finger   79/tcp
            tftp     69/udp
            daytime  13/tcp
            ident    113/tcp   auth  # alias
            """);
    static final Path FILE = Path.of("/etc/inetd.conf");
    final ConfigParser parser = new ConfigParser(SERVICES);

    private InetdConfig parse(String text) {
        return parser.parse(FILE, text);
    }

    private ServiceEntry only(String text) {
        InetdConfig c = parse(text);
        assertEquals(List.of(), c.problems());
        assertEquals(1, c.entries().size(), c.entries().toString());
        return c.entries().getFirst();
    }

    @Test
    void classicSevenFieldsResolveTheServiceName() {
        ServiceEntry e = only("ftp stream tcp nowait root /usr/sbin/ftpd ftpd -l\n");
        assertEquals("ftp", e.name());
        assertEquals(21, e.port());
        assertEquals(Protocol.TCP4, e.protocol());
        assertFalse(e.waits());
        assertEquals("root", e.user());
        assertEquals(Optional.empty(), e.group());
        assertEquals("/usr/sbin/ftpd", e.server());
        assertEquals(List.of("ftpd", "-l"), e.args());
        assertEquals("*", e.bindHost());
        assertEquals(ServiceEntry.Limits.DEFAULT, e.limits());
        assertTrue(e.enabled());
        assertEquals(1, e.line());
    }

    @Test
    void aliasAndNumericServicesResolve() {
        assertEquals(113, only("auth stream tcp nowait root /usr/sbin/identd identd").port());
        assertEquals(17079, only("17079 stream tcp4 nowait nobody /usr/sbin/in.fingerd in.fingerd -w").port());
    }

    @Test
    void missingArgvZeroDefaultsToTheProgramName() {
        assertEquals(List.of("in.fingerd"), only("finger stream tcp nowait nobody /usr/sbin/in.fingerd").args());
    }

    @Test
    void openbsdDotMaxSetsTheSpawnRate() {
        ServiceEntry e = only("ftp stream tcp nowait.1000 root /usr/sbin/ftpd ftpd");
        assertEquals(new ServiceEntry.Limits(1000, 0, 0), e.limits());
    }

    @Test
    void freebsdSlashLimitsSetMaxChildAndPerIpRate() {
        assertEquals(new ServiceEntry.Limits(256, 5, 0), only("ftp stream tcp nowait/5 root /usr/sbin/ftpd").limits());
        assertEquals(
                new ServiceEntry.Limits(256, 5, 10), only("ftp stream tcp nowait/5/10 root /usr/sbin/ftpd").limits());
        assertEquals(
                new ServiceEntry.Limits(256, 5, 10), only("ftp stream tcp nowait/5/10/2 root /usr/sbin/ftpd").limits());
        assertTrue(only("tftp dgram udp wait/3 root /usr/sbin/in.tftpd in.tftpd").waits());
    }

    @Test
    void userGroupInBothSpellings() {
        ServiceEntry colon = only("ftp stream tcp nowait nobody:tty /usr/sbin/ftpd");
        ServiceEntry dot = only("ftp stream tcp nowait nobody.tty /usr/sbin/ftpd");
        ServiceEntry cls = only("ftp stream tcp nowait nobody:tty/daemon /usr/sbin/ftpd");
        for (ServiceEntry e : List.of(colon, dot, cls)) {
            assertEquals("nobody", e.user());
            assertEquals(Optional.of("tty"), e.group());
        }
    }

    @Test
    void everyProtocolSpelling() {
        assertEquals(Protocol.TCP4, only("echo stream tcp4 nowait root internal").protocol());
        assertEquals(Protocol.TCP6, only("echo stream tcp6 nowait root internal").protocol());
        assertEquals(Protocol.TCP46, only("echo stream tcp46 nowait root internal").protocol());
        assertEquals(Protocol.UDP4, only("echo dgram udp wait root internal").protocol());
        assertEquals(Protocol.UDP6, only("echo dgram udp6 wait root internal").protocol());
        assertEquals(Protocol.UDP46, only("echo dgram udp46 wait root internal").protocol());
        assertEquals(Protocol.TCP4, only("echo stream tcp,sndbuf=64k nowait root internal").protocol());
    }

    @Test
    void hostPrefixAppliesToTheFollowingLinesAndStarResets() {
        InetdConfig c =
                parse(
                        """
                127.0.0.1:
                echo stream tcp nowait root internal
                ::1:daytime stream tcp6 nowait root internal
                ftp stream tcp6 nowait root /usr/sbin/ftpd
                *:telnet stream tcp nowait root /usr/sbin/telnetd
                finger stream tcp nowait root /usr/sbin/fingerd
                """);
        assertEquals(List.of(), c.problems());
        assertEquals(
                List.of("127.0.0.1", "::1", "::1", "*", "*"),
                c.entries().stream().map(ServiceEntry::bindHost).toList());
    }

    @Test
    void commaListOfHostsMakesOneEntryEach() {
        InetdConfig c = parse("127.0.0.1,127.0.0.2:echo stream tcp nowait root internal");
        assertEquals(List.of("127.0.0.1", "127.0.0.2"), c.entries().stream().map(ServiceEntry::bindHost).toList());
    }

    @Test
    void internalServicesAreNamedByServiceOrByArgumentForNumericPorts() {
        assertEquals(Optional.of("echo"), only("echo stream tcp nowait root internal").internalName());
        assertEquals(Optional.of("chargen"), only("20019 stream tcp nowait root internal chargen").internalName());
        InetdConfig bad = parse("ftp stream tcp nowait root internal");
        assertEquals(List.of(new Problem(FILE, 1, "internal service ftp unknown")), bad.problems());
    }

    @Test
    void debianOffLinesAndCommentedServicesAreKeptDisabled() {
        InetdConfig c =
                parse(
                        """
                # a comment, not a service
                #<off># telnet stream tcp nowait root /usr/sbin/tcpd /usr/sbin/telnetd
                #ftp stream tcp nowait root /usr/sbin/ftpd ftpd
                echo stream tcp nowait root internal
                """);
        assertEquals(List.of(), c.problems());
        assertEquals(3, c.entries().size());
        assertEquals(List.of("echo"), c.enabled().stream().map(ServiceEntry::name).toList());
        ServiceEntry telnet = c.named("telnet").getFirst();
        assertFalse(telnet.enabled());
        assertEquals(2, telnet.line());
        assertEquals(List.of("/usr/sbin/tcpd", "/usr/sbin/telnetd").getLast(), telnet.args().getFirst());
    }

    @Test
    void aBadLineIsReportedWithFileAndLineAndTheOthersLoad() {
        InetdConfig c =
                parse(
                        """
                echo stream tcp nowait root internal
                ftp stream tcp sometimes root /usr/sbin/ftpd
                nosuch stream tcp nowait root /bin/cat
                telnet stream udp nowait root /usr/sbin/telnetd
                tftp dgram udp nowait root /usr/sbin/in.tftpd
                finger stream tcp nowait root fingerd
                short stream tcp
                daytime stream tcp nowait root internal
                """);
        assertEquals(List.of("echo", "daytime"), c.enabled().stream().map(ServiceEntry::name).toList());
        assertEquals(List.of(2, 3, 4, 5, 6, 7), c.problems().stream().map(Problem::line).toList());
        assertTrue(c.problems().stream().allMatch(p -> p.file().equals(FILE)));
        assertEquals("bad wait/nowait field sometimes", c.problems().get(0).message());
        assertEquals("unknown service nosuch/tcp", c.problems().get(1).message());
        assertEquals("/etc/inetd.conf:3: unknown service nosuch/tcp", c.problems().get(1).toString());
    }

    @Test
    void unsupportedKindsAreProblemsNotCrashes() {
        InetdConfig c =
                parse(
                        """
                rstatd/1-5 dgram rpc/udp wait nobody /usr/sbin/rpc.rstatd
                echo raw tcp nowait root internal
                127.0.0.1:echo stream tcp6 nowait root internal
                """);
        assertEquals(3, c.problems().size());
        assertEquals(List.of(), c.entries());
    }

    @Test
    void keepsTheOriginalLines() {
        InetdConfig c = parse("# head\necho stream tcp nowait root internal\n");
        assertEquals(List.of("# head", "echo stream tcp nowait root internal"), c.lines());
    }

    @Test
    void unreadableFileIsAProblemAtLineZero() {
        InetdConfig c = parser.parse(Path.of("/nonexistent/inetd.conf"));
        assertEquals(1, c.problems().size());
        assertEquals(0, c.problems().getFirst().line());
    }

    @Test
    void anUnknownUserOrGroupIsABadLineWithFileAndLine() {
        InetdConfig c =
                parse(
                        """
                ftp stream tcp nowait nosuchuser0 /usr/sbin/ftpd ftpd
                telnet stream tcp nowait root:nosuchgroup0 /usr/sbin/telnetd telnetd
                finger stream tcp nowait nobody /usr/sbin/fingerd fingerd
                """);
        assertEquals(
                List.of(
                        new Problem(FILE, 1, "unknown user nosuchuser0"),
                        new Problem(FILE, 2, "unknown group nosuchgroup0")),
                c.problems());
        assertEquals(List.of("finger"), c.entries().stream().map(ServiceEntry::name).toList());
    }

    @Test
    void aDisabledLineIsKeptWhateverItsUser() {
        InetdConfig c = parse("#<off># ftp stream tcp nowait nosuchuser0 /usr/sbin/ftpd ftpd\n");
        assertEquals(List.of(), c.problems());
        assertFalse(c.entries().getFirst().enabled());
    }

    @Test
    void aServiceWhoseServicesLineHasNoValidPortIsAProblemOfItsLine() {
        ConfigParser withBadPort = new ConfigParser(ServicesFile.parse("finger 72229/tcp\n"));
        InetdConfig c = withBadPort.parse(FILE, "finger stream tcp nowait nobody /usr/sbin/in.fingerd in.fingerd\n");
        assertEquals(List.of(), c.entries());
        assertEquals(List.of(new Problem(FILE, 1, "unknown service finger/tcp")), c.problems());
    }
}
