package org.opensrc.srcmstr.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The check ssh makes of a private key before using it: the file is owned by root or by the process itself, and group
 * and others may neither read nor write it. {@code srcmstr -r} applies it to {@code server.key} and {@code allow}.
 */
final class PrivateFile {

    private static final int GROUP_OTHER_READ_WRITE = 0066;

    private PrivateFile() {}

    /**
     * @throws IOException naming the file and its mode (or owner) when it is open to others; a missing file passes (the
     *     TLS setup then names it)
     */
    static void require(Path file, int ownUid) throws IOException {
        int mode;
        int owner;
        try {
            mode = (Integer) Files.getAttribute(file, "unix:mode");
            owner = (Integer) Files.getAttribute(file, "unix:uid");
        } catch (NoSuchFileException e) {
            return;
        }
        if ((mode & GROUP_OTHER_READ_WRITE) != 0) {
            throw new IOException(
                    String.format(
                            "%s: permissions %04o are too open: group and others must not"
                                    + " read or write it (chmod 600 %s)",
                            file, mode & 07777, file));
        }
        if (owner != 0 && owner != ownUid) {
            throw new IOException(file + ": owned by uid " + owner + ", not by root or srcmstr's uid " + ownUid);
        }
    }
}
