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
}
