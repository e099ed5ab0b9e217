package org.opensrc.srcmstr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

class SrcmstrConfigTest {

    @TempDir Path dir;

    @Test
    void strictPermissionsIsOffUnlessSetToTrue() throws IOException {
        assertFalse(SrcmstrConfig.load(dir.resolve("none")).strictPermissions());
        Path conf = Files.writeString(dir.resolve("srcmstr.conf"), "strict.permissions=true\n");
        assertTrue(SrcmstrConfig.load(conf).strictPermissions());
        Files.writeString(conf, "strict.permissions=yes\n");
        var e = assertThrows(IOException.class, () -> SrcmstrConfig.load(conf));
        assertEquals(conf + ": strict.permissions: not true or false: 'yes'", e.getMessage());
    }

    @Test
    void metricsAreServedOnlyWhereTheAdminSays() throws IOException {
        assertTrue(SrcmstrConfig.load(dir.resolve("none")).metrics().isEmpty());
        Path conf = Files.writeString(dir.resolve("srcmstr.conf"), "metrics.listen=127.0.0.1:9464\n");
        assertEquals("127.0.0.1:9464", SrcmstrConfig.load(conf).metrics().orElseThrow().toString());
        Files.writeString(conf, "metrics.listen=[::1]:9464\n");
        assertEquals("[0:0:0:0:0:0:0:1]:9464", SrcmstrConfig.load(conf).metrics().orElseThrow().toString());
        Files.writeString(conf, "metrics.listen=localhost:9464\n");
        var e = assertThrows(IOException.class, () -> SrcmstrConfig.load(conf));
        assertEquals(
                conf + ": metrics.listen: not an IP address: 'localhost' (a name is not looked up)", e.getMessage());
        Files.writeString(conf, "metrics.listen=127.0.0.1:70000\n");
        e = assertThrows(IOException.class, () -> SrcmstrConfig.load(conf));
        assertEquals(conf + ": metrics.listen: port is not a number from 1 to 65535: '70000'", e.getMessage());
        Files.writeString(conf, "metrics.listen=9464\n");
        e = assertThrows(IOException.class, () -> SrcmstrConfig.load(conf));
        assertEquals(
                conf + ": metrics.listen: expected ADDRESS:PORT (as 127.0.0.1:9464 or [::1]:9464): '9464'",
                e.getMessage());
    }

    @Test
    void syslogIsOffUnlessAHostIsGivenAndTheFacilityIsDaemonByDefault() throws IOException {
        assertTrue(SrcmstrConfig.load(dir.resolve("none")).syslog().isEmpty());
        Path conf = Files.writeString(dir.resolve("srcmstr.conf"), "log.syslog=loghost\n");
        var target = SrcmstrConfig.load(conf).syslog().orElseThrow();
        assertEquals("loghost", target.host());
        assertEquals(514, target.port());
        assertEquals("daemon", target.facility());
        Files.writeString(conf, "log.syslog=127.0.0.1:5514\nlog.syslog.facility=LOCAL3\n");
        target = SrcmstrConfig.load(conf).syslog().orElseThrow();
        assertEquals("127.0.0.1:5514", target.toString());
        assertEquals("local3", target.facility());
        Files.writeString(conf, "log.syslog=[::1]:514\n");
        assertEquals("::1", SrcmstrConfig.load(conf).syslog().orElseThrow().host());
    }

    @Test
    void aBadSyslogSettingIsRefusedNamingTheKey() throws IOException {
        Path conf = Files.writeString(dir.resolve("srcmstr.conf"), "log.syslog=loghost:99999\n");
        var e = assertThrows(IOException.class, () -> SrcmstrConfig.load(conf));
        assertEquals(conf + ": log.syslog: port is not a number from 1 to 65535: '99999'", e.getMessage());
        Files.writeString(conf, "log.syslog=loghost:\n");
        e = assertThrows(IOException.class, () -> SrcmstrConfig.load(conf));
        assertEquals(conf + ": log.syslog: port is not a number from 1 to 65535: ''", e.getMessage());
        Files.writeString(conf, "log.syslog=::1\n");
        e = assertThrows(IOException.class, () -> SrcmstrConfig.load(conf));
        assertEquals(conf + ": log.syslog: an IPv6 address goes in brackets, as [::1]:514: '::1'", e.getMessage());
        Files.writeString(conf, "log.syslog=log host\n");
        e = assertThrows(IOException.class, () -> SrcmstrConfig.load(conf));
        assertEquals(conf + ": log.syslog: expected HOST[:PORT] (as loghost or [::1]:514): 'log host'", e.getMessage());
        Files.writeString(conf, "log.syslog=loghost\nlog.syslog.facility=daemons\n");
        e = assertThrows(IOException.class, () -> SrcmstrConfig.load(conf));
        assertTrue(e.getMessage().startsWith(conf + ": log.syslog.facility: not one of kern user"), e.getMessage());
        assertTrue(e.getMessage().endsWith(": 'daemons'"), e.getMessage());
    }
}
