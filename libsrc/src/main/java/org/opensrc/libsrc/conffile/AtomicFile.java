package org.opensrc.libsrc.conffile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * Replaces a configuration file all at once: the new text goes to a fresh file beside it, is flushed to disk, takes the
 * old file's permissions (0644 for a new file), owner and group, and is renamed over the old one; the folder is flushed
 * too. A reader sees the old file or the new one, never a mix, and a crash leaves one of the two.
 */
public final class AtomicFile {

    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");

    /** One editor at a time per lock file in this JVM (file locks are held by the whole process). */
    private static final ConcurrentHashMap<Path, ReentrantLock> LOCAL = new ConcurrentHashMap<>();

    private AtomicFile() {}

    /**
     * Edits a text file so that no change is lost: under an exclusive lock on {@code .NAME.lock} beside it (held by
     * every editor: inetd's {@code startsrc -t}/{@code stopsrc -t}, {@code chsubserver}, {@code chrctcp}), reads the
     * file (a missing file reads as empty), applies {@code change}, and when it returns a different text, {@link
     * #replace}s the file with it. A second editor waits, then reads the first one's result.
     *
     * @param change the new text, or null to leave the file as it is; what it throws is thrown, the file untouched
     * @return true when the file was replaced
     */
    public static boolean edit(Path link, UnaryOperator<String> change) throws IOException {
        Path file = Files.isSymbolicLink(link) ? link.toRealPath() : link.toAbsolutePath();
        Path lockFile = file.resolveSibling("." + file.getFileName() + ".lock");
        ReentrantLock local = LOCAL.computeIfAbsent(lockFile, k -> new ReentrantLock());
        local.lock();
        try (FileChannel lockChannel =
                FileChannel.open(
                        lockFile,
                        Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            lockChannel.lock(); // released when the channel closes
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                text = "";
            }
            String changed = change.apply(text);
            if (changed == null || changed.equals(text)) {
                return false;
            }
            replace(file, changed.getBytes(StandardCharsets.UTF_8));
            return true;
        } finally {
            local.unlock();
        }
    }

    /** Replaces {@code file} (the file a symbolic link points to, when it is one) with {@code bytes}. */
    public static void replace(Path link, byte[] bytes) throws IOException {
        Path file = Files.isSymbolicLink(link) ? link.toRealPath() : link.toAbsolutePath();
        Path dir = file.getParent();
        Set<PosixFilePermission> mode = Files.exists(file) ? Files.getPosixFilePermissions(file) : NEW_FILE;
        Path tmp =
                Files.createTempFile(
                        dir,
                        "." + file.getFileName() + ".",
                        ".new",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (FileChannel ch =
                    FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.setPosixFilePermissions(tmp, mode);
            if (Files.exists(file)) {
                keepOwner(file, tmp);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + file + " atomically: " + e.getMessage(), e);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    /** The new file gets the old one's owner and group; who cannot give it them cannot replace the file. */
    private static void keepOwner(Path file, Path tmp) throws IOException {
        var old = Files.readAttributes(file, PosixFileAttributes.class);
        var now = Files.readAttributes(tmp, PosixFileAttributes.class);
        var view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        if (!old.owner().equals(now.owner())) {
            view.setOwner(old.owner());
        }
        if (!old.group().equals(now.group())) {
            view.setGroup(old.group());
        }
    }
}
