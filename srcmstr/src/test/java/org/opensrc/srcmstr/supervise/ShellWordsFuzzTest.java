package org.opensrc.srcmstr.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Fuzzes the word splitter of {@code cmdargs} and {@code startsrc -a}: any text either splits or is refused as an
 * unterminated quote, and words quoted back split to themselves.
 */
class ShellWordsFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void splitsOrRefusesAnUnterminatedQuoteAndQuotedWordsSplitBack(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        List<String> words;
        try {
            words = ShellWords.split(text);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith("unterminated "), e.getMessage());
            return;
        }
        String quoted = words.stream().map(ShellWordsFuzzTest::quote).collect(Collectors.joining(" "));
        assertEquals(words, ShellWords.split(quoted));
    }

    /** The word in single quotes, each ' written as '\''. */
    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
