package org.opensrc.srcmstr.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * Which version of a registry file is on disk: its inode, modification time and size, or {@link #ABSENT}. Every write
 * of a registry file is a rename of a new file over the old one, so a write by anyone changes the identity.
 */
record FileIdentity(Object key, FileTime modified, long size) {

    static final FileIdentity ABSENT = new FileIdentity("absent", FileTime.fromMillis(0), -1);

    static FileIdentity of(Path file) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new FileIdentity(a.fileKey(), a.lastModifiedTime(), a.size());
        } catch (NoSuchFileException e) {
            return ABSENT;
        }
    }
}
