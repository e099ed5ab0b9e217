package org.opensrc.inetd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

class ConfigDiffTest {
    final ConfigParser parser = new ConfigParser(ConfigParserTest.SERVICES);

    List<ServiceEntry> entries(String text) {
        return parser.parse(Path.of("inetd.conf"), text).entries();
    }

    static List<String> names(List<ServiceEntry> entries) {
        return entries.stream().map(e -> e.key().toString()).toList();
    }

    @Test
    void unchangedLinesKeepTheirSocketEvenWhenTheyMove() {
        ConfigDiff d =
                ConfigDiff.between(
                        entries("echo stream tcp nowait root internal\nftp stream tcp nowait root /usr/sbin/ftpd\n"),
                        entries(
                                "# moved\nftp stream tcp nowait root /usr/sbin/ftpd\necho stream tcp nowait root internal\n"));
        assertTrue(d.isEmpty());
        assertEquals(2, d.kept().size());
        assertTrue(d.kept().stream().noneMatch(ConfigDiff.Kept::changed));
    }

    @Test
    void changedArgumentsOrLimitsKeepTheSocketButCountAsChanged() {
        ConfigDiff d =
                ConfigDiff.between(
                        entries("ftp stream tcp nowait root /usr/sbin/ftpd ftpd\n"),
                        entries("ftp stream tcp nowait.10 nobody /usr/sbin/ftpd ftpd -l\n"));
        assertEquals(1, d.kept().size());
        assertTrue(d.kept().getFirst().changed());
        assertEquals(List.of(), d.added());
        assertEquals(List.of(), d.removed());
    }

    @Test
    void addedRemovedAndAChangedBindAddressAreStartStop() {
        ConfigDiff d =
                ConfigDiff.between(
                        entries("echo stream tcp nowait root internal\nftp stream tcp nowait root /usr/sbin/ftpd\n"),
                        entries(
                                "127.0.0.1:echo stream tcp nowait root internal\n*:telnet stream tcp nowait root /usr/sbin/telnetd\n"
                                        + "#<off># ftp stream tcp nowait root /usr/sbin/ftpd\n"));
        assertEquals(List.of("127.0.0.1:echo/tcp", "telnet/tcp"), names(d.added()));
        assertEquals(List.of("echo/tcp", "ftp/tcp"), names(d.removed()));
        assertFalse(d.isEmpty());
    }
}
