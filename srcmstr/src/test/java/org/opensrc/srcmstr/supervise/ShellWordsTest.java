package org.opensrc.srcmstr.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.util.List;

class ShellWordsTest {

    @Test
    void splitsOnBlanksAndHonoursQuotesAndBackslashes() {
        assertEquals(
                List.of("-d", "a b", "c'd", "e\"f", "g h", ""),
                ShellWords.split("  -d 'a b' \"c'd\" \"e\\\"f\" g\\ h ''"));
    }

    @Test
    void unterminatedQuoteIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ShellWords.split("-c 'exit"));
    }
}
