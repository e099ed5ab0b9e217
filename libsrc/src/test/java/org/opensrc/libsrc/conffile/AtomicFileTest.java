package org.opensrc.libsrc.conffile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

    @Test
    void concurrentEditorsNeverLoseAChange() throws Exception {
        Path file = Files.writeString(dir.resolve("inetd.conf"), "# inetd.conf\n");
        int editors = 8;
        int edits = 50;
        try (var pool = Executors.newFixedThreadPool(editors)) {
            List<Future<?>> done = new ArrayList<>();
            for (int e = 0; e < editors; e++) {
                int editor = e;
                done.add(
                        pool.submit(
                                () -> {
                                    for (int n = 0; n < edits; n++) {
                                        String line = "svc" + editor + "-" + n + " stream tcp nowait root internal\n";
                                        AtomicFile.edit(file, text -> text + line);
                                    }
                                    return null;
                                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertEquals(1 + editors * edits, Files.readAllLines(file).size());
    }

    @Test
    void anEditThatChangesNothingOrThrowsLeavesTheFileAsItWas() throws Exception {
        Path file = Files.writeString(dir.resolve("rc.tcpip"), "start /usr/sbin/sshd \"$src_running\"\n");
        var before = Files.getLastModifiedTime(file);
        assertFalse(AtomicFile.edit(file, text -> null));
        assertFalse(AtomicFile.edit(file, text -> text));
        assertThrows(
                IllegalStateException.class,
                () ->
                        AtomicFile.edit(
                                file,
                                text -> {
                                    throw new IllegalStateException("refused");
                                }));
        assertEquals(before, Files.getLastModifiedTime(file));
        assertTrue(AtomicFile.edit(file, text -> "#" + text));
        assertEquals("#start /usr/sbin/sshd \"$src_running\"\n", Files.readString(file));
    }

    @Test
    void editingAMissingFileStartsFromNothing() throws Exception {
        Path file = dir.resolve("new.conf");
        assertTrue(AtomicFile.edit(file, text -> text + "echo stream tcp nowait root internal\n"));
        assertEquals("echo stream tcp nowait root internal\n", Files.readString(file));
    }
}
