package org.opensrc.srcmstr.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensrc.libsrc.SrcPaths;
import org.opensrc.libsrc.posix.Posix;
import org.opensrc.libsrc.trust.PathTrust;
import org.opensrc.srcmstr.registry.SubsystemDefaults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

class RootProgramsTest {

    @TempDir Path tmp;
    Path open;
    Path program;
    final PathTrust trust = PathTrust.rootAnd(Posix.geteuid());

    @BeforeEach
    void aProgramInADirectoryEverybodyMayWrite() throws IOException {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        open = Files.createDirectory(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        program = Files.writeString(open.resolve("daemon"), "#!/bin/sh\n");
    }

    @Test
    void aRootProgramOthersCanReplaceGetsAWarningNamingTheDirectory() {
        var def = SubsystemDefaults.of("d", program.toString(), 0, 0);
        Optional<String> warning = new RootPrograms(trust, false).warning(def);
        assertEquals(
                Optional.of(
                        "warning: "
                                + program
                                + " runs as root but others can change it: "
                                + open
                                + ": directory writable by group and others (mode 0777)"),
                warning);
    }

    @Test
    void withoutTheStrictSettingStartingIsOnlyLogged() {
        assertEquals(
                Optional.empty(),
                new RootPrograms(trust, false).refusal(SubsystemDefaults.of("d", program.toString(), 0, 0)));
    }

    @Test
    void withTheStrictSettingStartingIsRefusedNamingThePath() {
        String refusal =
                new RootPrograms(trust, true)
                        .refusal(SubsystemDefaults.of("d", program.toString(), 0, 0))
                        .orElseThrow();
        assertTrue(refusal.startsWith("srcmstr: not started (strict.permissions=true): " + program), refusal);
        assertTrue(refusal.contains(open + ": directory writable by group and others (mode 0777)"), refusal);
    }

    @Test
    void aProgramThatDoesNotRunAsRootIsNotChecked() {
        var def = SubsystemDefaults.of("d", program.toString(), 65534, 0);
        assertEquals(List.of(), new RootPrograms(trust, true).findings(def));
        assertEquals(Optional.empty(), new RootPrograms(trust, true).refusal(def));
    }

    @Test
    void aRootProgramInSafeDirectoriesIsAccepted() throws IOException {
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(
                Optional.empty(),
                new RootPrograms(trust, true).refusal(SubsystemDefaults.of("d", program.toString(), 0, 0)));
    }

    @Test
    void registryAndConfigurationFilesOthersMayWriteAreFound() throws IOException {
        SrcPaths paths = new SrcPaths(tmp.resolve("root"));
        Files.createDirectories(paths.registryDir());
        assertEquals(
                List.of(),
                ConfigurationFiles.check(paths, trust).stream().filter(f -> f.path().startsWith(tmp)).toList());
        Path registryFile = Files.writeString(paths.registryDir().resolve("SRCsubsys"), "");
        Files.setPosixFilePermissions(registryFile, PosixFilePermissions.fromString("rw-rw-rw-"));
        Path conf = Files.writeString(paths.configFile(), "");
        Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-rw-r--"));
        assertEquals(
                List.of(
                        conf + ": file writable by group (mode 0664)",
                        registryFile + ": file writable by group and others (mode 0666)"),
                ConfigurationFiles.check(paths, trust).stream()
                        .filter(f -> f.path().startsWith(tmp))
                        .map(PathTrust.Finding::toString)
                        .toList());
    }
}
