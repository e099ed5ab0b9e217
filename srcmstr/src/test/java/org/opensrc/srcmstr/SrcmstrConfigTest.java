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
}
