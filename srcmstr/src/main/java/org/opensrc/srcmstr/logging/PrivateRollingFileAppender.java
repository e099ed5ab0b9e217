package org.opensrc.srcmstr.logging;

import ch.qos.logback.core.rolling.RollingFileAppender;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Logback's rolling file appender, except that the log file is created with mode 0640 (owner read-write, group read)
 * before Logback opens it, at start and after every rollover, so no reader can open it while it briefly has a wider
 * mode. An existing file with a wider mode is narrowed. srcmstr's umask is left alone: subsystems inherit it.
 */
public final class PrivateRollingFileAppender<E> extends RollingFileAppender<E> {

    static final Set<PosixFilePermission> MODE = PosixFilePermissions.fromString("rw-r-----");

    @Override
    public void openFile(String fileName) throws IOException {
        createPrivate(Path.of(fileName));
        super.openFile(fileName);
    }

    static void createPrivate(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(MODE));
        } catch (FileAlreadyExistsException e) {
            if (!Files.getPosixFilePermissions(file).equals(MODE)) {
                Files.setPosixFilePermissions(file, MODE);
            }
        }
    }
}
