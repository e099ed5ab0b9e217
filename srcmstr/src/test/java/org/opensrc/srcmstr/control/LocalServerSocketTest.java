package org.opensrc.srcmstr.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

class LocalServerSocketTest {

    @Test
    void theSocketFileAppearsOpenToEveryUserInPlaceOfAStaleOneAndNoStagingNameIsLeft(@TempDir Path dir)
            throws IOException {
        Path socket = dir.resolve("srcmstr.sock");
        Files.writeString(socket, "left by a srcmstr that was killed");
        var refusals = new RefusalLog(InstantSource.system(), RefusalLog.INTERVAL, line -> {});
        try (ServerSocket server =
                LocalServerSocket.factory(new ConnectionLimits(SocketLimits.DEFAULTS, Set.of()), refusals)
                        .createServerSocket()) {
            server.bind(UnixDomainSocketAddress.of(socket));
            assertEquals(PosixFilePermissions.fromString("rw-rw-rw-"), Files.getPosixFilePermissions(socket));
            assertEquals(UnixDomainSocketAddress.of(socket), server.getLocalSocketAddress());
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of(socket), files.toList());
            }
            assertFalse(Files.isRegularFile(socket), "a socket, not the stale file");
        }
    }
}
