package org.opensrc.srcmstr.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a file descriptor is systemd's journal stream: systemd puts {@code JOURNAL_STREAM=DEVICE:INODE} of the stream
 * it connects to a service's standard output or error in that service's environment; the descriptor is the journal's
 * when its device and inode are those.
 */
public final class JournalStream {

    private JournalStream() {}

    /**
     * @param environment where {@code JOURNAL_STREAM} is read
     * @param descriptor the device and inode of the descriptor, as {@link #identity(int)} gives them
     */
    public static boolean is(Map<String, String> environment, Optional<String> descriptor) {
        String stream = environment.get("JOURNAL_STREAM");
        return stream != null && descriptor.isPresent() && stream.trim().equals(descriptor.get());
    }

    /** {@code DEVICE:INODE} of this process's descriptor {@code fd}, in decimal as systemd writes them. */
    public static Optional<String> identity(int fd) {
        try {
            Map<String, Object> a = Files.readAttributes(Path.of("/proc/self/fd/" + fd), "unix:dev,ino");
            return Optional.of(a.get("dev") + ":" + a.get("ino"));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty(); // closed, or no /proc: not the journal
        }
    }
}
