package org.opensrc.srcmstr.durable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Durable, atomic replacement of a small file: {@code X.new} is written and fsynced, renamed over {@code X}, then the
 * folder is fsynced. A crash at any moment leaves either the old content or the new one, never a mix; a {@code X.new}
 * left behind is garbage that readers delete ({@link #discardLeftover}).
 */
public final class AtomicFiles {

    /** The suffix of the temporary file. */
    public static final String NEW_SUFFIX = ".new";

    private AtomicFiles() {}

    /** Owner read-write only: for files that hold secrets (the state's tokens and -e values). */
    public static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");

    /** Everyone may read: for files that hold nothing secret (the registry, as AIX's ODM). */
    public static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");

    /**
     * Replaces {@code file} with {@code bytes}, atomically and durably, with exactly the permissions {@code mode}
     * (whatever the umask) from the moment the file exists.
     */
    public static void write(Path file, byte[] bytes, Set<PosixFilePermission> mode) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve(file.getFileName() + NEW_SUFFIX);
        try (FileChannel out =
                FileChannel.open(
                        temp,
                        Set.of(
                                StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE,
                                StandardOpenOption.TRUNCATE_EXISTING),
                        PosixFilePermissions.asFileAttribute(PRIVATE))) {
            Files.setPosixFilePermissions(temp, mode);
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        } catch (IOException e) {
            deleteQuietly(temp, e);
            throw e;
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp, e);
            throw e;
        }
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        }
    }

    /** Deletes the {@code X.new} a crash before its rename may have left: the old file is the truth. */
    public static void discardLeftover(Path file) throws IOException {
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + NEW_SUFFIX));
    }

    /** Removes a half-written temporary file; a failure to do so is added to {@code cause}. */
    private static void deleteQuietly(Path temp, IOException cause) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException suppressed) {
            cause.addSuppressed(suppressed);
        }
    }
}
