package org.opensrc.srcmstr.state;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.opensrc.srcmstr.durable.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * {@code state.json} on disk: read strictly, written atomically and durably ({@link AtomicFiles}). Not thread-safe;
 * {@link StateWriter} serialises writes.
 */
public final class StateFile {

    private static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .build();

    private final Path file;

    public StateFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** The saved state, or empty when there is none; a file that does not parse is an IOException naming it. */
    public Optional<SavedState> read() throws IOException {
        AtomicFiles.discardLeftover(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(decode(file, bytes));
    }

    /** The state in {@code bytes}; content that does not parse is an IOException naming {@code file}. */
    static SavedState decode(Path file, byte[] bytes) throws IOException {
        SavedState state;
        try {
            state = MAPPER.readValue(bytes, SavedState.class);
        } catch (JacksonException e) {
            throw new IOException(file + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            // the decoder's own errors (bytes that are no UTF-8/16/32 text) carry no file name
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        if (state.version() != SavedState.VERSION) {
            throw new IOException(file + ": unsupported version " + state.version());
        }
        return state;
    }

    /** Replaces the file with {@code state}, atomically and durably. */
    public void write(SavedState state) throws IOException {
        AtomicFiles.write(file, encode(state), AtomicFiles.PRIVATE);
    }

    /** Moves an unreadable file aside ({@code state.json.bad}) so the next write does not lose the evidence. */
    public Path setAside() throws IOException {
        Path bad = file.resolveSibling(file.getFileName() + ".bad");
        Files.move(file, bad, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(bad, AtomicFiles.PRIVATE);
        return bad;
    }

    /** Copies the file as read to {@code state.json.rejected} (entries of it were not applied). */
    public Path keepRejected() throws IOException {
        Path copy = file.resolveSibling(file.getFileName() + ".rejected");
        Files.deleteIfExists(copy);
        Files.createFile(copy, PosixFilePermissions.asFileAttribute(AtomicFiles.PRIVATE));
        Files.write(copy, Files.readAllBytes(file));
        return copy;
    }

    static byte[] encode(SavedState state) {
        try {
            return MAPPER.writeValueAsBytes(state);
        } catch (JacksonException e) {
            throw new UncheckedIOException("cannot encode the state", e);
        }
    }
}
