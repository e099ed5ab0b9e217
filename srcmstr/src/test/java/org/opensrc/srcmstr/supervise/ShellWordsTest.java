package org.opensrc.srcmstr.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

    @Test
    void splitsOnBlanksAndHonoursQuotesAndBackslashes() {
        assertEquals(List.of("-d", "a b", "c'd", "e\"f", "g h", ""),
                ShellWords.split("  -d 'a b' \"c'd\" \"e\\\"f\" g\\ h ''"));
    }

    @Test
    void unterminatedQuoteIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ShellWords.split("-c 'exit"));
    }

    @Test
    void signalNamesAcceptTheSigPrefixAndNumbers() {
        assertEquals(15, SignalNames.number("SIGTERM"));
        assertEquals(1, SignalNames.number("hup"));
        assertEquals(10, SignalNames.number("SIGUSR1"));
        assertEquals(9, SignalNames.number("9"));
        assertThrows(IllegalArgumentException.class, () -> SignalNames.number("SIGNOPE"));
    }
}
