package org.opensrc.srcmstr.state;

import org.opensrc.srcmstr.durable.AtomicFiles;
import org.opensrc.srcmstr.durable.JsonProblem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * {@code state.json} and {@code state.journal} on disk. The image ({@code state.json}) is written atomically and
 * durably ({@link AtomicFiles}) now and then; every save in between appends one line to the journal, naming only what
 * changed, so a save costs the same with 500 subsystems as with one. A journal whose first line does not name the
 * image's journal id is stale (the image was rewritten after it) and is ignored; a last line cut short by a crash is
 * ignored too (nothing was acted upon before it was whole and synced). Format 1 files (an image with no journal) are
 * still read. Not thread-safe: srcmstr uses it from the supervision thread only.
 */
public final class StateFile implements AutoCloseable {

    /** The format {@code state.json} is written in; format 1 is still read. */
    public static final int VERSION = SavedState.VERSION;

    private final Path file;
    private final Path journalFile;
    private FileChannel journal; // open for appending once an image was written by this srcmstr

    public StateFile(Path file) {
        this.file = file;
        this.journalFile = file.resolveSibling(journalName(file));
    }

    private static String journalName(Path file) {
        String name = file.getFileName().toString();
        return (name.endsWith(".json") ? name.substring(0, name.length() - 5) : name) + ".journal";
    }

    public Path path() {
        return file;
    }

    public Path journalPath() {
        return journalFile;
    }

    /** The saved state (image and journal), or empty when there is none; content that does not parse is an error. */
    public Optional<SavedState> read() throws IOException {
        AtomicFiles.discardLeftover(file);
        AtomicFiles.discardLeftover(journalFile);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        StateImage image = image(file, bytes);
        if (image.journal().isEmpty()) {
            return Optional.of(image.state());
        }
        return Optional.of(JournalReplay.apply(journalFile, image, journalEntries(image.journal())));
    }

    /** The entries of the journal that continues the image {@code id}; none when the journal is missing or stale. */
    private List<JournalEntry> journalEntries(String id) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(journalFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (CharacterCodingException e) {
            throw new IOException(journalFile + ": not UTF-8 text", e);
        }
        if (lines.isEmpty()) {
            return List.of();
        }
        JournalHeader header;
        try {
            header = StateJson.header(lines.getFirst().getBytes(StandardCharsets.UTF_8));
        } catch (JsonProblem e) {
            return List.of(); // a header cut short: the journal was being replaced, the image is the truth
        }
        if (!header.journal().equals(id)) {
            return List.of();
        }
        List<JournalEntry> entries = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            try {
                entries.add(StateJson.entry(lines.get(i).getBytes(StandardCharsets.UTF_8)));
            } catch (JsonProblem e) {
                if (i == lines.size() - 1) {
                    break; // the last line, cut short by a crash: it was never synced, nothing relied on it
                }
                throw new IOException(journalFile + ": line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return entries;
    }

    /** The image in {@code bytes} without its journal; content that does not parse is an IOException naming it. */
    static SavedState decode(Path file, byte[] bytes) throws IOException {
        return image(file, bytes).state();
    }

    /** Format 2, or format 1 read as an image with no journal. */
    private static StateImage image(Path file, byte[] bytes) throws IOException {
        try {
            return StateJson.image(bytes);
        } catch (JsonProblem e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** {@code state} as an image continued by journal {@code journalId}; ids 1.. when {@code ids} is null. */
    public static StateImage image(SavedState state, String journalId, StateImage.Ids ids) {
        StateImage.Ids given =
                ids != null
                        ? ids
                        : new StateImage.Ids(
                                count(state.instances().size()),
                                count(state.spawning().size()),
                                count(state.retries().size()));
        return new StateImage(
                VERSION,
                state.runId(),
                state.savedAt(),
                journalId,
                state.instances(),
                state.spawning(),
                state.retries(),
                state.subsystems(),
                given);
    }

    private static List<Long> count(int n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    /**
     * Replaces the image with {@code image}, atomically and durably, then starts its journal empty. Returns the size of
     * the image written.
     */
    public long write(StateImage image) throws IOException {
        closeJournal();
        byte[] bytes = encode(image);
        AtomicFiles.write(file, bytes, AtomicFiles.PRIVATE);
        if (!image.journal().isEmpty()) {
            byte[] header = line(StateJson.bytes(new JournalHeader(image.journal())));
            AtomicFiles.write(journalFile, header, AtomicFiles.PRIVATE);
            journal = FileChannel.open(journalFile, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } else {
            Files.deleteIfExists(journalFile);
        }
        return bytes.length;
    }

    /**
     * Appends {@code entry} to the journal of the image this srcmstr wrote last; on disk before returning when {@code
     * durably}. Returns the bytes written. After a failure the journal may end in a partial line: write an image next.
     */
    public long append(JournalEntry entry, boolean durably) throws IOException {
        if (journal == null) {
            throw new IOException(journalFile + ": no image written yet by this srcmstr");
        }
        ByteBuffer buffer = ByteBuffer.wrap(line(StateJson.bytes(entry)));
        int length = buffer.remaining();
        while (buffer.hasRemaining()) {
            journal.write(buffer);
        }
        if (durably) {
            journal.force(false);
        }
        return length;
    }

    /** Makes the lines appended so far durable (on disk before returning). */
    public void sync() throws IOException {
        if (journal == null) {
            throw new IOException(journalFile + ": no image written yet by this srcmstr");
        }
        journal.force(false);
    }

    private static byte[] line(byte[] json) {
        byte[] line = Arrays.copyOf(json, json.length + 1);
        line[json.length] = '\n';
        return line;
    }

    private void closeJournal() {
        if (journal != null) {
            try {
                journal.close();
            } catch (IOException e) {
                // nothing was pending: every durable append was forced already
            }
            journal = null;
        }
    }

    @Override
    public void close() {
        closeJournal();
    }

    /** Moves an unreadable file aside ({@code state.json.bad}) so the next write does not lose the evidence. */
    public Path setAside() throws IOException {
        Path bad = file.resolveSibling(file.getFileName() + ".bad");
        Files.move(file, bad, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(bad, AtomicFiles.PRIVATE);
        if (Files.exists(journalFile)) {
            Path badJournal = journalFile.resolveSibling(journalFile.getFileName() + ".bad");
            Files.move(journalFile, badJournal, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(badJournal, AtomicFiles.PRIVATE);
        }
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

    /** {@code state} as an image with no journal (tests, and what format 1 readers would need). */
    static byte[] encode(SavedState state) {
        return encode(image(state, "", null));
    }

    static byte[] encode(StateImage image) {
        return StateJson.bytes(image);
    }
}
