package org.opensrc.libsrc.signal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opensrc.libsrc.posix.Posix;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

class SignalTrapTest {

    @Test
    void aTrappedSignalSentToThisProcessRunsTheAction() throws Exception {
        CountDownLatch delivered = new CountDownLatch(1);
        SignalTrap.on("USR2", delivered::countDown);
        Posix.kill((int) ProcessHandle.current().pid(), Signals.number("SIGUSR2"));
        assertTrue(delivered.await(5, TimeUnit.SECONDS), "SIGUSR2 was not delivered to the action");
    }

    @Test
    void aSignalTheJvmDoesNotKnowIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SignalTrap.on("NOSUCHSIGNAL", () -> {}));
    }
}
