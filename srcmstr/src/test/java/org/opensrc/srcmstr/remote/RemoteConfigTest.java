package org.opensrc.srcmstr.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensrc.libsrc.SrcPaths;
import org.opensrc.libsrc.posix.Posix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;

class RemoteConfigTest {

    @TempDir Path root;

    @Test
    void theAllowFileHasOneNamePerLineWithCommentsAndBlankLines() {
        assertEquals(
                Set.of("admin", "ops team", "ci"),
                RemoteConfig.parseAllowList("# who may\n\nadmin\n  ops team  # a CN with a blank\nci\r\n#off\n"));
    }

    @Test
    void theDefaultsAreEveryAddressAndPort20200() throws IOException {
        SrcPaths paths = withAllowFile("admin\n");
        RemoteConfig config = RemoteConfig.load(paths, Map.of(), 0);
        assertEquals(20200, config.bind().getPort());
        assertTrue(config.bind().getAddress().isAnyLocalAddress());
        assertEquals(paths.remoteDir().resolve("server.key"), config.key());
        assertEquals(Set.of("admin"), config.allowList());
    }

    @Test
    void theEnvironmentChoosesAddressAndPort() throws IOException {
        RemoteConfig config =
                RemoteConfig.load(
                        withAllowFile(""), Map.of("SRC_REMOTE_BIND", "127.0.0.1", "SRC_REMOTE_PORT", "3200"), 0);
        assertEquals("127.0.0.1", config.bind().getAddress().getHostAddress());
        assertEquals(3200, config.bind().getPort());
    }

    @Test
    void aMissingAllowFileOrABadPortIsAConfigurationError() throws IOException {
        var missing = assertThrows(IOException.class, () -> RemoteConfig.load(new SrcPaths(root), Map.of(), 0));
        assertTrue(missing.getMessage().contains("allow"), missing.getMessage());
        var port =
                assertThrows(
                        IOException.class,
                        () -> RemoteConfig.load(withAllowFile(""), Map.of("SRC_REMOTE_PORT", "src"), 0));
        assertTrue(port.getMessage().contains("SRC_REMOTE_PORT"), port.getMessage());
    }

    @Test
    void theIdentityIsTheOnlyCommonName() {
        assertEquals("admin", PeerIdentity.commonName("CN=admin,O=Example").orElseThrow());
        assertEquals("ops team", PeerIdentity.commonName("O=Example,CN=ops team").orElseThrow());
        assertTrue(PeerIdentity.commonName("O=Example").isEmpty());
        assertTrue(PeerIdentity.commonName("CN=").isEmpty());
    }

    @Test
    void aSubjectWithTwoCommonNamesHasNoIdentity() {
        assertTrue(PeerIdentity.commonName("CN=ops,CN=bob").isEmpty());
        assertTrue(PeerIdentity.commonName("CN=bob+CN=ops").isEmpty());
        assertTrue(PeerIdentity.commonName("cn=ops,O=x,CN=bob").isEmpty());
        assertTrue(PeerIdentity.commonName("CN=#0c036f7073").isEmpty(), "a CN that is not a string");
    }

    @Test
    void aKeyOrAllowFileThatGroupOrOthersMayReadOrWriteIsRefusedWithItsMode() throws IOException {
        SrcPaths paths = withAllowFile("admin\n");
        Path key = Files.writeString(paths.remoteDir().resolve("server.key"), "key");
        for (String mode : List.of("rw-r--r--", "rw-rw----", "rw-----w-", "r-----r--")) {
            for (Path file : List.of(key, paths.remoteDir().resolve("allow"))) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
                var e = assertThrows(IOException.class, () -> RemoteConfig.load(paths, Map.of(), 0), mode);
                assertTrue(e.getMessage().startsWith(file + ": permissions 0"), e.getMessage());
                assertTrue(e.getMessage().contains("too open"), e.getMessage());
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        }
        assertEquals(Set.of("admin"), RemoteConfig.load(paths, Map.of(), 0).allowList());
        assertEquals(
                "/x/server.key: permissions 0644 are too open: group and others must not read or write it"
                        + " (chmod 600 /x/server.key)",
                tooOpen(key, "rw-r--r--"));
    }

    @Test
    void aKeyOwnedByAnotherUserIsRefused() throws IOException {
        assumeTrue(Posix.geteuid() == 0, "chown needs root");
        SrcPaths paths = withAllowFile("admin\n");
        Path key = Files.writeString(paths.remoteDir().resolve("server.key"), "key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Files.setAttribute(key, "unix:uid", 65534);
        var e = assertThrows(IOException.class, () -> RemoteConfig.load(paths, Map.of(), 0));
        assertEquals(key + ": owned by uid 65534, not by root or srcmstr's uid 0", e.getMessage());
        assertEquals(Set.of("admin"), RemoteConfig.load(paths, Map.of(), 65534).allowList());
    }

    private static String tooOpen(Path key, String mode) throws IOException {
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString(mode));
        var e = assertThrows(IOException.class, () -> PrivateFile.require(key, 0));
        return e.getMessage().replace(key.toString(), "/x/server.key");
    }

    private SrcPaths withAllowFile(String text) throws IOException {
        SrcPaths paths = new SrcPaths(root);
        Files.createDirectories(paths.remoteDir());
        Files.writeString(paths.remoteDir().resolve("allow"), text);
        Files.setPosixFilePermissions(paths.remoteDir().resolve("allow"), PosixFilePermissions.fromString("rw-------"));
        return paths;
    }
}
