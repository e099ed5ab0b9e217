package org.opensrc.libsrc.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensrc.libsrc.SrcPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

class CommandTimeoutTest {

    @TempDir Path root;

    @Test
    void withoutSettingsACommandWaitsAixsReplyLimitPlusTheMargin() {
        assertEquals(Duration.ofSeconds(90), CommandTimeout.fromEnvironment(new SrcPaths(root), Map.of()).base());
    }

    @Test
    void srcTimeoutSetsTheWaitInSeconds() {
        assertEquals(
                Duration.ofSeconds(5),
                CommandTimeout.fromEnvironment(new SrcPaths(root), Map.of("SRC_TIMEOUT", "5")).base());
    }

    @Test
    void srcmstrsReplyTimeoutIsFollowedSoSrcmstrReportsASilentSubsystemFirst() throws IOException {
        var paths = new SrcPaths(root);
        Files.createDirectories(paths.configFile().getParent());
        Files.writeString(paths.configFile(), "reply.timeout.seconds=300\n");
        assertEquals(Duration.ofSeconds(330), CommandTimeout.fromEnvironment(paths, Map.of()).base());
    }

    @Test
    void aWaitingRequestGetsItsWaitOnTop() {
        var timeout = new CommandTimeout(Duration.ofSeconds(90));
        assertEquals(Duration.ofSeconds(150), timeout.forRequestWaiting(Duration.ofSeconds(60)));
        assertEquals(Duration.ofSeconds(90), timeout.forRequestWaiting(Duration.ZERO));
    }

    @Test
    void aBadSrcTimeoutIsAnErrorNamingTheVariable() {
        for (String bad : new String[] {"", "0", "-1", "abc", "86401", "9223372036854775808"}) {
            var e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> CommandTimeout.fromEnvironment(new SrcPaths(root), Map.of("SRC_TIMEOUT", bad)));
            assertEquals("SRC_TIMEOUT: not a number of seconds from 1 to 86400: '" + bad + "'", e.getMessage());
        }
    }
}
