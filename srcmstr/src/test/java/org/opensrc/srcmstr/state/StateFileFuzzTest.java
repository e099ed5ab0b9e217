package org.opensrc.srcmstr.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Fuzzes the reader of {@code state.json}: any bytes either read as a saved state or are refused with an IOException
 * naming the file (srcmstr then sets the file aside), and a state that was read writes back to the same state.
 */
class StateFileFuzzTest {

    private static final Path FILE = Path.of("/var/lib/src/state.json");

    @FuzzTest(maxDuration = "10s")
    void readsOrRefusesNamingTheFileAndWritesBackTheSameState(byte[] bytes) throws IOException {
        SavedState state;
        try {
            state = StateFile.decode(FILE, bytes);
        } catch (IOException e) {
            assertTrue(e.getMessage().startsWith(FILE + ": "), e.getMessage());
            return;
        }
        assertEquals(state, StateFile.decode(FILE, StateFile.encode(state)));
    }
}
