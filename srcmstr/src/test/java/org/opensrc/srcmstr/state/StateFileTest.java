package org.opensrc.srcmstr.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensrc.srcmstr.supervise.SubsystemRecord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state file's format: files written by the ObjectMapper codec this one replaced (test resources, {@link
 * StateSamples}) read back the same and are written byte for byte the same; and regression tests for inputs the fuzzer
 * found (StateFileFuzzTest).
 */
class StateFileTest {

    private static final Path FILE = Path.of("/var/lib/src/state.json");

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = StateFileTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void anImageWrittenByTheObjectMapperCodecReadsBackIdentically() throws IOException {
        assertEquals(StateSamples.image().state(), StateFile.decode(FILE, sample("state.json")));
        assertEquals(StateSamples.emptyImage().state(), StateFile.decode(FILE, sample("state-empty.json")));
    }

    @Test
    void anImageIsWrittenByteForByteAsTheObjectMapperCodecWroteIt() throws IOException {
        assertArrayEquals(sample("state.json"), StateFile.encode(StateSamples.image()));
        assertArrayEquals(sample("state-empty.json"), StateFile.encode(StateSamples.emptyImage()));
    }

    @Test
    void journalLinesAreWrittenByteForByteAsTheObjectMapperCodecWroteThem() throws IOException {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        lines.write(StateJson.bytes(StateSamples.header()));
        lines.write('\n');
        for (JournalEntry e : StateSamples.entries()) {
            lines.write(StateJson.bytes(e));
            lines.write('\n');
        }
        assertEquals(new String(sample("state.journal"), UTF_8), lines.toString(UTF_8));
    }

    @Test
    void anImageAndJournalWrittenByTheObjectMapperCodecReadBackAsTheStateSavedLast(@TempDir Path dir)
            throws IOException {
        Files.write(dir.resolve("state.json"), sample("state.json"));
        Files.write(dir.resolve("state.journal"), sample("state.journal"));
        SavedState read = new StateFile(dir.resolve("state.json")).read().orElseThrow();
        assertEquals(JournalReplay.apply(FILE, StateSamples.image(), StateSamples.entries()), read);
        // entry 1 replaced instance 5, entry 2 removed it and spawn 7, entry 3 added spawn 8
        assertEquals(List.of(), read.instances());
        assertEquals(List.of(StateSamples.spawn()), read.spawning());
        assertEquals(Map.of("sshd", SubsystemRecord.NEW), read.subsystems());
        assertEquals(1_733_550_004_000L, read.savedAt());
    }

    @Test
    void anImageWithManyEntriesRoundTrips() throws IOException {
        Map<String, SubsystemRecord> records = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            records.put("s" + i, StateSamples.record().withLastExit("exit " + i));
        }
        StateImage image =
                new StateImage(
                        SavedState.VERSION,
                        "run7",
                        42,
                        "run7.3",
                        List.of(StateSamples.instance(), StateSamples.instance()),
                        List.of(StateSamples.spawn()),
                        List.of(StateSamples.retry(), StateSamples.retry()),
                        records,
                        new StateImage.Ids(List.of(1L, 2L), List.of(3L), List.of(4L, 5L)));
        assertEquals(image, StateJson.image(StateFile.encode(image)));
        for (JournalEntry e : StateSamples.entries()) {
            assertEquals(e, StateJson.entry(StateJson.bytes(e)));
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    "pid" : 4242,          | "pid" : "4242",          | field instances[0].pid: a number expected, not a string (line 36, column 13)
                    "pid" : 4242,          | "pid" : null,            | field instances[0].pid: null is not allowed
                    "pid" : 4242,          | "pid" : 4242, "x" : 1,   | field instances[0].x: unknown field 'x'
                    "action" : "ONCE",     | "action" : 0,            | field instances[0].definition.action: bad value 0 (expected one of [RESPAWN, ONCE])
                    "want" : "UP",         | "want" : "MAYBE",        | field subsystems.odd.want: bad value MAYBE (expected one of [UP, DOWN])
                    "deaths" : 2,          | "deaths" : -2,           | field subsystems.odd.history: negative death history: -2, 500
                    "version" : 2,         | "version" : 3,           | unsupported version 3
                    "version" : 2,         | "version" : "2",         | field version: a number expected, not a string
                    "journal" : "run\\"1.4", | ``                     | field journal: missing
                    """)
    void aBrokenImageIsRefusedNamingTheFileAndTheField(String good, String bad, String detail) throws IOException {
        String broken = new String(sample("state.json"), UTF_8).replace(good, bad);
        IOException e = assertThrows(IOException.class, () -> StateFile.decode(FILE, broken.getBytes(UTF_8)));
        assertTrue(e.getMessage().startsWith(FILE + ": " + detail), e.getMessage());
    }

    @Test
    void aFormat1FileWithAFormat2FieldIsRefused() {
        String json =
                "{\"version\":1,\"runId\":\"r\",\"savedAt\":1,\"journal\":\"\",\"instances\":[],\"spawning\":[],"
                        + "\"retries\":[],\"subsystems\":{}}";
        IOException e = assertThrows(IOException.class, () -> StateFile.decode(FILE, json.getBytes(UTF_8)));
        assertTrue(e.getMessage().contains("field journal: unknown field 'journal'"), e.getMessage());
    }

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
