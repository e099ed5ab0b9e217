package org.opensrc.inetd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class ConfigEditorTest {
    @TempDir Path dir;
    final ConfigParser parser = new ConfigParser(ConfigParserTest.SERVICES);
    final ConfigEditor editor = new ConfigEditor(parser);

    @Test
    void disableCommentsOutEveryLineOfTheServiceAndEnableRestoresThem() throws Exception {
        Path file = dir.resolve("inetd.conf");
        String original =
                """
                # services
                ftp stream tcp nowait root /usr/sbin/ftpd ftpd
                ftp stream tcp6 nowait root /usr/sbin/ftpd ftpd
                echo stream tcp nowait root internal
                """;
        Files.writeString(file, original);
        assertEquals(new ConfigEditor.Edit(2), editor.disable(file, "ftp"));
        assertEquals(
                List.of(
                        "# services",
                        "#ftp stream tcp nowait root /usr/sbin/ftpd ftpd",
                        "#ftp stream tcp6 nowait root /usr/sbin/ftpd ftpd",
                        "echo stream tcp nowait root internal"),
                Files.readAllLines(file));
        assertEquals(List.of("echo"), parser.parse(file).enabled().stream().map(ServiceEntry::name).toList());
        assertFalse(Files.exists(dir.resolve("inetd.conf.new")));

        assertEquals(new ConfigEditor.Edit(0), editor.disable(file, "ftp"));
        assertEquals(new ConfigEditor.Edit(2), editor.enable(file, "ftp"));
        assertEquals(original, Files.readString(file));
    }

    @Test
    void enableUncommentsPlainHashLinesButNotFreeText() throws Exception {
        Path file = dir.resolve("inetd.conf");
        Files.writeString(file, "# ftp is the file transfer protocol\n#ftp stream tcp nowait root /usr/sbin/ftpd\n");
        assertEquals(new ConfigEditor.Edit(1), editor.enable(file, "ftp"));
        assertEquals(
                List.of("# ftp is the file transfer protocol", "ftp stream tcp nowait root /usr/sbin/ftpd"),
                Files.readAllLines(file));
    }

    @Test
    void disableCommentsALineOutWithAPlainHashAsAixDoes() throws Exception {
        Path file = dir.resolve("inetd.conf");
        Files.writeString(file, "ftp\tstream\ttcp6\tnowait\troot\t/usr/sbin/ftpd\tftpd\n");
        assertEquals(new ConfigEditor.Edit(1), editor.disable(file, "ftp"));
        assertEquals("#ftp\tstream\ttcp6\tnowait\troot\t/usr/sbin/ftpd\tftpd\n", Files.readString(file));
    }

    @Test
    void enableStillUncommentsDebiansOffMarker() throws Exception {
        Path file = dir.resolve("inetd.conf");
        Files.writeString(file, "#<off># telnet stream tcp nowait root /usr/sbin/tcpd /usr/sbin/telnetd\n");
        assertEquals(new ConfigEditor.Edit(1), editor.enable(file, "telnet"));
        assertEquals("telnet stream tcp nowait root /usr/sbin/tcpd /usr/sbin/telnetd\n", Files.readString(file));
    }

    @Test
    void enableLeavesCommentTextAndOtherServicesAlone() throws Exception {
        Path file = dir.resolve("inetd.conf");
        String text =
                """
                # ftp stream is how the file transfer protocol runs
                #ftp stream tcp nowait root /usr/sbin/ftpd
                #ftp stream tcp nowait root relative/ftpd ftpd
                #ftp stream tcp maybe root /usr/sbin/ftpd ftpd
                #telnet stream tcp nowait root /usr/sbin/telnetd telnetd
                ## ftp stream tcp6 nowait root /usr/sbin/ftpd ftpd
                """;
        Files.writeString(file, text);
        assertEquals(new ConfigEditor.Edit(1), editor.enable(file, "ftp"));
        assertEquals(
                text.replace(
                        "#ftp stream tcp nowait root /usr/sbin/ftpd\n", "ftp stream tcp nowait root /usr/sbin/ftpd\n"),
                Files.readString(file));
    }

    @Test
    void enableNeverUncommentsASecondLineForTheSameSocket() throws Exception {
        Path file = dir.resolve("inetd.conf");
        String text =
                """
                ftp stream tcp nowait root /usr/sbin/ftpd ftpd -l
                #ftp stream tcp nowait root /usr/sbin/ftpd ftpd
                #ftp stream tcp6 nowait root /usr/sbin/ftpd ftpd
                #ftp stream tcp6 nowait root /usr/sbin/ftpd ftpd -d
                """;
        Files.writeString(file, text);
        assertEquals(new ConfigEditor.Edit(1), editor.enable(file, "ftp"));
        assertEquals(
                List.of(
                        "ftp stream tcp nowait root /usr/sbin/ftpd ftpd -l",
                        "#ftp stream tcp nowait root /usr/sbin/ftpd ftpd",
                        "ftp stream tcp6 nowait root /usr/sbin/ftpd ftpd",
                        "#ftp stream tcp6 nowait root /usr/sbin/ftpd ftpd -d"),
                Files.readAllLines(file));
        assertEquals(new ConfigEditor.Edit(0), editor.enable(file, "ftp"));
    }
}
