package org.opensrc.libsrc.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ExitStatusTest {

    @Test
    void decodesWaitStatusWords() {
        assertEquals(new ExitStatus.Exited(3), ExitStatus.fromWaitStatus(3 << 8));
        assertEquals(new ExitStatus.Killed(9, false), ExitStatus.fromWaitStatus(9));
        assertEquals(new ExitStatus.Killed(6, true), ExitStatus.fromWaitStatus(6 | 0x80));
        assertThrows(IllegalArgumentException.class, () -> ExitStatus.fromWaitStatus(0x137f)); // stopped
    }

    @Test
    void decodesSiginfoCodes() {
        assertEquals(new ExitStatus.Exited(255), ExitStatus.fromSiginfo(1, 255));
        assertEquals(new ExitStatus.Killed(15, false), ExitStatus.fromSiginfo(2, 15));
        assertEquals(new ExitStatus.Killed(11, true), ExitStatus.fromSiginfo(3, 11));
    }

    @Test
    void describesLikeAShell() {
        assertEquals("exit 3", new ExitStatus.Exited(3).describe());
        assertEquals("signal 9", new ExitStatus.Killed(9, false).describe());
        assertEquals("signal 6 (core dumped)", new ExitStatus.Killed(6, true).describe());
        assertEquals("unknown", new ExitStatus.Unknown().describe());
    }

    @Test
    void errnoTextComesFromTheCLibrary() {
        assertEquals("No such process", PosixException.strerror(3));
        assertEquals("kill: No such process (errno 3)", new PosixException("kill", 3).getMessage());
    }
}
