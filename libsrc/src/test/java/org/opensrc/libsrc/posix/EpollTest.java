package org.opensrc.libsrc.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EpollTest {

    @Test
    void aReadableDescriptorIsReportedWithItsDatum() {
        Pipe pipe = Posix.pipe();
        try (Epoll epoll = new Epoll(4)) {
            epoll.add(pipe.readEnd(), 42L << 32 | 7);
            Net.write(pipe.writeEnd(), new byte[] {1}, 1);
            assertEquals(1, epoll.await(-1));
            assertEquals(42L << 32 | 7, epoll.data(0));
            assertEquals(0, epoll.delete(pipe.readEnd()));
            assertEquals(0, epoll.await(0), "no longer watched");
        } finally {
            Posix.close(pipe.readEnd());
            Posix.close(pipe.writeEnd());
        }
    }

    @Test
    void wakeEndsAWaitUntilCleared() {
        try (Epoll epoll = new Epoll(4)) {
            epoll.wake();
            assertEquals(1, epoll.await(-1));
            assertEquals(Epoll.WAKE, epoll.data(0));
            epoll.clearWake();
            assertEquals(0, epoll.await(0));
        }
    }

    @Test
    void failuresNameTheCallAndErrno() {
        Pipe pipe = Posix.pipe();
        try (Epoll epoll = new Epoll(4)) {
            assertEquals(2, epoll.delete(pipe.readEnd()), "ENOENT: a descriptor never added");
            PosixException e = assertThrows(PosixException.class, () -> epoll.add(-1, 0));
            assertEquals("epoll_ctl(1, -1)", e.call());
            assertEquals(9, e.errno());
        } finally {
            Posix.close(pipe.readEnd());
            Posix.close(pipe.writeEnd());
        }
    }
}
