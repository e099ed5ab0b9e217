package org.opensrc.srcmstr.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensrc.libsrc.SrcPaths;

class RemoteConfigTest {

    @TempDir Path root;

    @Test
    void theAllowFileHasOneNamePerLineWithCommentsAndBlankLines() {
        assertEquals(Set.of("admin", "ops team", "ci"),
                RemoteConfig.parseAllowList("# who may\n\nadmin\n  ops team  # a CN with a blank\nci\r\n#off\n"));
    }

    @Test
    void theDefaultsAreEveryAddressAndPort20200() throws IOException {
        SrcPaths paths = withAllowFile("admin\n");
        RemoteConfig config = RemoteConfig.load(paths, Map.of());
        assertEquals(20200, config.bind().getPort());
        assertTrue(config.bind().getAddress().isAnyLocalAddress());
        assertEquals(paths.remoteDir().resolve("server.key"), config.key());
        assertEquals(Set.of("admin"), config.allowList());
    }

    @Test
    void theEnvironmentChoosesAddressAndPort() throws IOException {
        RemoteConfig config = RemoteConfig.load(withAllowFile(""),
                Map.of("SRC_REMOTE_BIND", "127.0.0.1", "SRC_REMOTE_PORT", "3200"));
        assertEquals("127.0.0.1", config.bind().getAddress().getHostAddress());
        assertEquals(3200, config.bind().getPort());
    }

    @Test
    void aMissingAllowFileOrABadPortIsAConfigurationError() throws IOException {
        var missing = assertThrows(IOException.class, () -> RemoteConfig.load(new SrcPaths(root), Map.of()));
        assertTrue(missing.getMessage().contains("allow"), missing.getMessage());
        var port = assertThrows(IOException.class,
                () -> RemoteConfig.load(withAllowFile(""), Map.of("SRC_REMOTE_PORT", "src")));
        assertTrue(port.getMessage().contains("SRC_REMOTE_PORT"), port.getMessage());
    }

    @Test
    void theIdentityIsTheMostSpecificCommonName() {
        assertEquals("admin", PeerIdentity.commonName("CN=admin,O=Example").orElseThrow());
        assertTrue(PeerIdentity.commonName("O=Example").isEmpty());
    }

    private SrcPaths withAllowFile(String text) throws IOException {
        SrcPaths paths = new SrcPaths(root);
        Files.createDirectories(paths.remoteDir());
        Files.writeString(paths.remoteDir().resolve("allow"), text);
        return paths;
    }
}
