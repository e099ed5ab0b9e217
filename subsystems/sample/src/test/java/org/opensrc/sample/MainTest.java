package org.opensrc.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

class MainTest {

    @Test
    void theConfigFileComesFromDashC() {
        assertEquals(Optional.empty(), Main.configOf(new String[0]));
        assertEquals(Optional.of(Path.of("/etc/sample.conf")), Main.configOf(new String[] {"-c", "/etc/sample.conf"}));
        assertThrows(IllegalArgumentException.class, () -> Main.configOf(new String[] {"-x"}));
    }

    @Test
    void aBadArgumentPrintsTheUsageAndExits2() throws Exception {
        var err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"-c"}, Map.of(), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        assertEquals("Usage: sample [-c configfile]\n", err.toString(StandardCharsets.UTF_8));
    }
}
