package org.opensrc.libsrc.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

class SignalsTest {

    @ParameterizedTest
    @CsvSource({
        "15, SIGTERM, 15",
        "TERM, SIGTERM, 15",
        "SIGTERM, SIGTERM, 15",
        "sigterm, SIGTERM, 15",
        "9, SIGKILL, 9",
        "usr1, SIGUSR1, 10",
        "SIGIOT, SIGABRT, 6",
        "POLL, SIGIO, 29",
        "34, SIGRTMIN, 34",
        "35, SIGRTMIN+1, 35",
        "SIGRTMIN+2, SIGRTMIN+2, 36",
        "RTMAX, SIGRTMIN+30, 64",
        "SIGRTMAX-1, SIGRTMIN+29, 63",
        "' hup ', SIGHUP, 1"
    })
    void parseReadsNumbersAndNamesInAnyCase(String text, String name, int number) {
        assertEquals(Optional.of(new Signal(name, number)), Signals.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "32", "33", "65", "1000", "SIGFOO", "-1", "EMT", "SIG"})
    void parseRefusesWhatLinuxDoesNotKnow(String text) {
        assertTrue(Signals.parse(text).isEmpty());
    }

    @Test
    void numberAcceptsTheSigPrefixAndNumbersAndRefusesUnknownNames() {
        assertEquals(15, Signals.number("SIGTERM"));
        assertEquals(1, Signals.number("hup"));
        assertEquals(10, Signals.number("SIGUSR1"));
        assertEquals(9, Signals.number("9"));
        assertEquals("SIGKILL", Signals.byNumber(Signals.SIGKILL).orElseThrow().name());
        assertThrows(IllegalArgumentException.class, () -> Signals.number("SIGNOPE"));
    }

    @Test
    void tableHasThirtyOneClassicAndThirtyOneRealTimeSignals() {
        assertEquals(62, Signals.all().size());
        assertEquals("SIGSYS", Signals.byNumber(31).orElseThrow().name());
    }

    @ParameterizedTest
    @CsvSource({
        "30, SIGUSR1, 10",
        "31, SIGUSR2, 12",
        "20, SIGCHLD, 17",
        "16, SIGURG, 23",
        "17, SIGSTOP, 19",
        "18, SIGTSTP, 20",
        "19, SIGCONT, 18",
        "23, SIGIO, 29",
        "29, SIGPWR, 30",
        "10, SIGBUS, 7",
        "12, SIGSYS, 31"
    })
    void parseAixMapsNumbersThatDifferAndWarns(String text, String name, int number) {
        Parsed p = Signals.parseAix(text).orElseThrow();
        assertEquals(new Signal(name, number), p.signal());
        assertTrue(p.warning().orElseThrow().contains("AIX signal " + text + " is " + name));
    }

    @ParameterizedTest
    @CsvSource({
        "15, SIGTERM",
        "9, SIGKILL",
        "1, SIGHUP",
        "2, SIGINT",
        "28, SIGWINCH",
        "24, SIGXCPU",
        "TERM, SIGTERM",
        "usr1, SIGUSR1",
        "40, SIGRTMIN+6"
    })
    void parseAixKeepsNumbersThatAgreeAndNamesWithoutWarning(String text, String name) {
        Parsed p = Signals.parseAix(text).orElseThrow();
        assertEquals(name, p.signal().name());
        assertTrue(p.warning().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"7", "27", "0", "", "NOPE"})
    void parseAixRefusesSignalsLinuxDoesNotHave(String text) {
        assertTrue(Signals.parseAix(text).isEmpty());
    }
}
