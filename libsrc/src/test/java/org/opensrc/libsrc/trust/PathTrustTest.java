package org.opensrc.libsrc.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensrc.libsrc.posix.Posix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

class PathTrustTest {

    @TempDir Path tmp;
    PathTrust trust;

    @BeforeEach
    void trustRootAndMe() throws IOException {
        trust = PathTrust.rootAnd(Posix.geteuid());
        chmod(tmp, "rwxr-xr-x");
    }

    private static Path chmod(Path p, String mode) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        return p;
    }

    private static Path sticky(Path dir) throws IOException {
        Files.setAttribute(dir, "unix:mode", 01777);
        return dir;
    }

    private static Path program(Path dir) throws IOException {
        return chmod(Files.writeString(dir.resolve("prog"), "#!/bin/sh\n"), "rwxr-xr-x");
    }

    /** Findings under the test's own temp dir (the system's /tmp above it is not ours to judge). */
    private List<String> findings(Path file) {
        return trust.check(file).stream()
                .filter(f -> f.path().startsWith(tmp))
                .map(f -> tmp.relativize(f.path()) + ": " + f.reason())
                .toList();
    }

    @Test
    void aProgramInRootOwnedDirectoriesNobodyElseMayWriteIsTrusted() throws IOException {
        Path dir = chmod(Files.createDirectory(tmp.resolve("bin")), "rwxr-xr-x");
        assertEquals(List.of(), findings(program(dir)));
    }

    @Test
    void systemProgramsAreTrusted() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sleep")));
        assertEquals(List.of(), trust.check(Path.of("/bin/sleep")), "through the /bin -> usr/bin link too");
    }

    @Test
    void aDirectoryOthersMayWriteIsNamedWithItsMode() throws IOException {
        Path dir = chmod(Files.createDirectory(tmp.resolve("open")), "rwxrwxrwx");
        assertEquals(List.of("open: directory writable by group and others (mode 0777)"), findings(program(dir)));
    }

    @Test
    void everyDirectoryUpToTheRootIsChecked() throws IOException {
        Path open = chmod(Files.createDirectory(tmp.resolve("open")), "rwxrwx-wx");
        Path deep = chmod(Files.createDirectories(open.resolve("a/b")), "rwxr-xr-x");
        chmod(deep.getParent(), "rwxr-xr-x");
        assertEquals(List.of("open: directory writable by group and others (mode 0773)"), findings(program(deep)));
    }

    @Test
    void aGroupWritableProgramOrDirectoryIsNotTrusted() throws IOException {
        Path dir = chmod(Files.createDirectory(tmp.resolve("grp")), "rwxrwxr-x");
        Path prog = chmod(program(dir), "rwxrwxr-x");
        assertEquals(
                List.of("grp/prog: file writable by group (mode 0775)", "grp: directory writable by group (mode 0775)"),
                findings(prog));
    }

    @Test
    void aStickyDirectoryOthersMayWriteIsTrustedLikeTmp() throws IOException {
        Path dir = sticky(Files.createDirectory(tmp.resolve("sticky")));
        assertEquals(List.of(), findings(program(dir)));
    }

    @Test
    void aStickyBitDoesNotExcuseAWritableFile() throws IOException {
        Path dir = sticky(Files.createDirectory(tmp.resolve("sticky")));
        assertEquals(
                List.of("sticky/prog: file writable by others (mode 0757)"),
                findings(chmod(program(dir), "rwxr-xrwx")));
    }

    @Test
    void aDirectoryOwnedByAnotherUserIsNotTrusted() throws IOException {
        assumeTrue(Posix.geteuid() == 0, "chown needs root");
        Path dir = chmod(Files.createDirectory(tmp.resolve("theirs")), "rwxr-xr-x");
        Files.setAttribute(dir, "unix:uid", 65534);
        assertEquals(List.of("theirs: owned by uid 65534, not root"), findings(program(dir)));
        assertEquals(
                List.of(),
                new PathTrust(Set.of(0, 65534))
                        .check(program(dir)).stream().filter(f -> f.path().startsWith(tmp)).toList(),
                "the owner is trusted when it is the caller");
    }

    @Test
    void aSymlinkIsFollowedAndItsTargetsDirectoriesChecked() throws IOException {
        Path open = chmod(Files.createDirectory(tmp.resolve("open")), "rwxrwxrwx");
        Path safe = chmod(Files.createDirectory(tmp.resolve("safe")), "rwxr-xr-x");
        Path link = Files.createSymbolicLink(safe.resolve("link"), program(open));
        assertEquals(List.of("open: directory writable by group and others (mode 0777)"), findings(link));
        Path dirLink = Files.createSymbolicLink(safe.resolve("dirlink"), open);
        assertEquals(
                List.of("open: directory writable by group and others (mode 0777)"), findings(dirLink.resolve("prog")));
    }

    @Test
    void aMissingFileHasNoFindings() {
        assertEquals(List.of(), findings(tmp.resolve("nothing/here")));
    }

    @Test
    void theStrictSettingIsTrueOrFalse() throws IOException {
        assertTrue(StrictPermissions.parse("true"));
        assertFalse(StrictPermissions.parse(" false "));
        assertThrows(IllegalArgumentException.class, () -> StrictPermissions.parse("yes"));
        assertFalse(StrictPermissions.readFrom(tmp.resolve("srcmstr.conf")));
        Path conf = Files.writeString(tmp.resolve("srcmstr.conf"), "admin.group=adm\nstrict.permissions=true\n");
        assertTrue(StrictPermissions.readFrom(conf));
        Files.writeString(conf, "strict.permissions=1\n");
        var e = assertThrows(IOException.class, () -> StrictPermissions.readFrom(conf));
        assertEquals(conf + ": strict.permissions: not true or false: '1'", e.getMessage());
    }
}
