package org.opensrc.libsrc.conffile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;

class AtomicFileTest {

    @TempDir Path dir;

    @Test
    void replaceKeepsTheModeAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("inetd.conf");
        Files.writeString(file, "old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFile.replace(file, "new\n".getBytes());
        assertEquals("new\n", Files.readString(file));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void replaceThroughASymbolicLinkReplacesTheFileItPointsTo() throws Exception {
        Path real = dir.resolve("real.conf");
        Files.writeString(real, "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("inetd.conf"), real);
        AtomicFile.replace(link, "new\n".getBytes());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new\n", Files.readString(real));
    }

    @Test
    void replaceKeepsTheOwnerOfTheFile() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a file to another user");
        Path file = Files.writeString(dir.resolve("inetd.conf"), "old\n");
        UserPrincipal nobody = file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(file, nobody);
        AtomicFile.replace(file, "new\n".getBytes());
        assertEquals(nobody, Files.getOwner(file));
        assertEquals("new\n", Files.readString(file));
    }
}
