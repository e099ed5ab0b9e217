package org.opensrc.srcmstr.state;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Regression tests for inputs the fuzzer found (StateFileFuzzTest). */
class StateFileTest {

    @Test
    void bytesThatAreNoTextAreAnErrorNamingTheFile(@TempDir Path dir) throws IOException {
        // "{" then NULs: the decoder guesses UTF-32 and fails on its own, outside the JSON parser
        Path file = dir.resolve("state.json");
        Files.write(
                file,
                ("{" + "\0".repeat(33) + "\n  \"version\": 1,\n  \"runId\": \"run1\"}")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        IOException e = assertThrows(IOException.class, () -> new StateFile(file).read());
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    }
}
