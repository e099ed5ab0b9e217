package org.opensrc.libsrc.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

class PeerCredentialsTest {

    private static final MethodHandle SOCKETPAIR =
            Linker.nativeLinker()
                    .downcallHandle(
                            Linker.nativeLinker().defaultLookup().find("socketpair").orElseThrow(),
                            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));

    @Test
    void aConnectedPeerHasTheUidGidPidAndEverySupplementaryGroupOfItsCreator() throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(JAVA_INT, 2);
            assertEquals(0, (int) SOCKETPAIR.invokeExact(1 /* AF_UNIX */, 1 /* SOCK_STREAM */, 0, fds));
            try {
                PeerCredentials peer = PeerCredentials.of(fds.getAtIndex(JAVA_INT, 0));
                assertEquals(Posix.getpid(), peer.pid());
                assertEquals(Posix.geteuid(), peer.uid());
                assertEquals(Posix.getegid(), peer.gid());
                assertEquals(Posix.getegid(), peer.gids().getFirst());
                assertTrue(peer.gids().containsAll(Posix.getgroups()), peer + " vs " + Posix.getgroups());
                assertEquals(peer.gids().size(), peer.gids().stream().distinct().count());
            } finally {
                Posix.close(fds.getAtIndex(JAVA_INT, 0));
                Posix.close(fds.getAtIndex(JAVA_INT, 1));
            }
        }
    }

    @Test
    void aDescriptorThatIsNotASocketIsAnError() {
        var pipe = Posix.pipe();
        try {
            assertThrows(PosixException.class, () -> PeerCredentials.of(pipe.readEnd()));
        } finally {
            Posix.close(pipe.readEnd());
            Posix.close(pipe.writeEnd());
        }
    }

    @Test
    void theSoftFileLimitIsRaisedToTheHardOne() {
        int limit = FileLimit.raiseSoftToHard();
        assertTrue(limit > 0);
        assertEquals(limit, FileLimit.raiseSoftToHard());
    }
}
