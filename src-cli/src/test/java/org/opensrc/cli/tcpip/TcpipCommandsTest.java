package org.opensrc.cli.tcpip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensrc.cli.Run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** chsubserver and chrctcp from the command line to the file, in a root without srcmstr. */
class TcpipCommandsTest {

    static final String CONF = "# inetd.conf\necho\tstream\ttcp\tnowait\troot\tinternal\n";
    static final String RC = "start /usr/sbin/rsyslogd \"$src_running\"\n#start /usr/sbin/sshd \"$src_running\"\n";

    @TempDir Path root;
    Path conf;
    Path rc;

    @BeforeEach
    void files() throws IOException {
        Path etc = Files.createDirectories(root.resolve("etc"));
        conf = Files.writeString(etc.resolve("inetd.conf"), CONF);
        rc = Files.writeString(etc.resolve("rc.tcpip"), RC);
        Files.writeString(etc.resolve("services"), "echo 7/tcp\nftp 21/tcp\n");
    }

    Run run(String command, String... args) {
        return Run.of(root, Map.of(), 1000, command, args);
    }

    @Test
    void chsubserverAddsALineWhoseProgramArgumentsKeepTheirDashes() throws IOException {
        Run r = run("chsubserver", "-a", "-v", "ftp", "-p", "tcp", "-u", "root", "-g", "/usr/sbin/ftpd", "ftpd", "-l");
        assertEquals(new Run(0, "", ""), r);
        assertEquals(CONF + "ftp\tstream\ttcp\tnowait\troot\t/usr/sbin/ftpd\tftpd -l\n", Files.readString(conf));
    }

    @Test
    void chsubserverWithoutAnActionActivatesAsWithA() throws IOException {
        assertEquals(0, run("chsubserver", "-d", "-v", "echo", "-p", "tcp").status());
        assertEquals("# inetd.conf\n#echo\tstream\ttcp\tnowait\troot\tinternal\n", Files.readString(conf));
        assertEquals(0, run("chsubserver", "-v", "echo", "-p", "tcp").status());
        assertEquals(CONF, Files.readString(conf));
    }

    @Test
    void chsubserverRefreshHasNothingToDoWhenSrcmstrIsDown() throws IOException {
        assertEquals(new Run(0, "", ""), run("chsubserver", "-d", "-v", "echo", "-p", "tcp", "-r", "inetd"));
        assertEquals("# inetd.conf\n#echo\tstream\ttcp\tnowait\troot\tinternal\n", Files.readString(conf));
    }

    @Test
    void chsubserverRefusesABadValueNamingItAndLeavesTheFileUntouched() throws IOException {
        Run r = run("chsubserver", "-a", "-v", "ftp", "-p", "tcp", "-u", "root", "-g", "ftpd");
        assertEquals(1, r.status());
        assertEquals("chsubserver: " + conf + ": program ftpd is not an absolute path or internal\n", r.out());
        assertEquals(CONF, Files.readString(conf));
        try (var files = Files.list(conf.getParent())) {
            assertEquals(
                    List.of(".inetd.conf.lock", "inetd.conf", "rc.tcpip", "services"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void chsubserverWithoutServiceOrProtocolPrintsItsUsage() {
        Run r = run("chsubserver", "-a", "-v", "ftp");
        assertEquals(1, r.status());
        assertTrue(r.out().startsWith("Usage: chsubserver [-a] -v ServiceName -p protocol"), r.out());
        assertEquals(1, run("chsubserver", "-a", "-d", "-v", "ftp", "-p", "tcp").status());
        assertEquals(1, run("chsubserver", "-a", "-v", "ftp", "-p", "tcp", "-U", "nobody").status());
    }

    @Test
    void chsubserverEditsTheFileGivenWithC() throws IOException {
        Path other = Files.writeString(root.resolve("other.conf"), CONF);
        assertEquals(
                0,
                run(
                                "chsubserver",
                                "-c",
                                "-v",
                                "echo",
                                "-p",
                                "tcp",
                                "-T",
                                "stream",
                                "-U",
                                "nobody",
                                "-C",
                                other.toString())
                        .status());
        assertEquals("# inetd.conf\necho\tstream\ttcp\tnowait\tnobody\tinternal\n", Files.readString(other));
        assertEquals(CONF, Files.readString(conf));
    }

    @Test
    void chrctcpTogglesTheStartLineOfTheRootsRcTcpip() throws IOException {
        assertEquals(new Run(0, "", ""), run("chrctcp", "-a", "sshd"));
        assertEquals(RC.replace("#start", "start"), Files.readString(rc));
        assertEquals(new Run(0, "", ""), run("chrctcp", "-d", "sshd"));
        assertEquals(RC, Files.readString(rc));
    }

    @Test
    void chrctcpRefusesAttributesAndUnknownDaemonsLeavingTheFileUntouched() throws IOException {
        Run r = run("chrctcp", "-a", "sshd", "-f", "port=22");
        assertEquals(1, r.status());
        assertTrue(r.out().startsWith("chrctcp: attribute port is not supported for sshd"), r.out());
        r = run("chrctcp", "-a", "named");
        assertEquals(new Run(1, "chrctcp: " + rc + ": there is no start line for named\n", ""), r);
        assertEquals(RC, Files.readString(rc));
    }

    @Test
    void chrctcpNeedsOneActionAndOneDaemon() {
        assertTrue(run("chrctcp", "-a", "-d", "sshd").out().startsWith("Usage: chrctcp"));
        assertTrue(run("chrctcp", "sshd").out().startsWith("Usage: chrctcp"));
        assertTrue(run("chrctcp", "-a", "sshd", "named").out().startsWith("Usage: chrctcp"));
    }

    @Test
    void chrctcpSAlsoAsksSrcAndSaysWhenSrcmstrIsDown() throws IOException {
        Run r = run("chrctcp", "-S", "-a", "sshd");
        assertEquals(new Run(1, "0513-001 The System Resource Controller daemon is not active.\n", ""), r);
        assertEquals(RC.replace("#start", "start"), Files.readString(rc));
    }
}
