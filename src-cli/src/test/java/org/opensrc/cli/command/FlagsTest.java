package org.opensrc.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

class FlagsTest {

    /** What the consumers were handed, in the order they were called. */
    private final List<String> handed = new ArrayList<>();

    /** lssrc-like: -l -a flags, -s and -p with values. */
    private Flags status() {
        var flags = new Flags();
        flags.flag("-l", () -> handed.add("-l"));
        flags.flag("-a", () -> handed.add("-a"));
        flags.text("-s", v -> handed.add("-s " + v));
        flags.number("-p", v -> handed.add("-p " + v));
        return flags;
    }

    private List<String> apply(Flags flags, String... args) {
        flags.apply(args);
        return handed;
    }

    @Test
    void clusteredFlagsTakeTheirValueFromTheRestOfTheWordOrTheNextWord() {
        assertEquals(List.of("-l", "-s inetd"), apply(status(), "-ls", "inetd"));
        handed.clear();
        assertEquals(List.of("-l", "-s inetd"), apply(status(), "-lsinetd"));
        handed.clear();
        assertEquals(List.of("-l", "-s inetd"), apply(status(), "-ls=inetd"));
        handed.clear();
        assertEquals(List.of("-s inetd"), apply(status(), "-s=inetd"));
    }

    @Test
    void aFlagsValueIsTheNextWordWhateverItLooksLike() {
        assertEquals(List.of("-s -a"), apply(status(), "-s", "-a"));
        handed.clear();
        assertEquals(List.of("-s --"), apply(status(), "-s", "--"));
        handed.clear();
        assertEquals(List.of("-s "), apply(status(), "-s", ""));
    }

    @Test
    void consumersAreHandedTheirValuesInTheOrderTheFlagsWereDeclared() {
        assertEquals(List.of("-l", "-a", "-s x", "-p 7"), apply(status(), "-p", "7", "-s", "x", "-a", "-l"));
    }

    @Test
    void numbersAreDecimalWithAnOptionalSign() {
        assertEquals(List.of("-p 5"), apply(status(), "-p", "+5"));
        handed.clear();
        assertEquals(List.of("-p -5"), apply(status(), "-p", "-5"));
        for (String bad : List.of("0x5", "5s", "", "99999999999")) {
            assertThrows(Flags.BadCommandLine.class, () -> status().apply("-p", bad), bad);
        }
        var flags = new Flags();
        flags.longNumber("-I", v -> handed.add("-I " + v));
        handed.clear();
        assertEquals(List.of("-I 99999999999"), apply(flags, "-I", "99999999999"));
    }

    @Test
    void anUnknownFlagAMissingValueOrAValueForAPlainFlagIsABadCommandLine() {
        for (List<String> bad :
                List.of(
                        List.of("-Z"),
                        List.of("-lZ"),
                        List.of("--long"),
                        List.of("--long=1"),
                        List.of("-s"),
                        List.of("-l", "-p"),
                        List.of("-a=1"),
                        List.of("-"),
                        List.of("operand"),
                        List.of("--", "-l"))) {
            assertThrows(Flags.BadCommandLine.class, () -> status().apply(bad.toArray(String[]::new)), bad::toString);
        }
    }

    @Test
    void aFlagGivenTwiceIsABadCommandLineUnlessItIsDeclaredRepeatable() {
        assertThrows(Flags.BadCommandLine.class, () -> status().apply("-l", "-l"));
        assertThrows(Flags.BadCommandLine.class, () -> status().apply("-s", "a", "-s", "b"));
        var flags = new Flags();
        flags.texts("-s", v -> handed.add(v));
        assertEquals(List.of("a", "b", "c"), apply(flags, "-s", "a", "-sb", "-s=c"));
    }

    @Test
    void nothingIsHandedWhenAnyWordIsNotUnderstood() {
        assertThrows(Flags.BadCommandLine.class, () -> status().apply("-l", "-s", "x", "-Z"));
        assertTrue(handed.isEmpty(), handed::toString);
    }

    @Test
    void operandsMayComeBetweenFlagsAndDoubleDashEndsTheFlags() {
        var flags = new Flags();
        flags.text("-q", v -> handed.add("-q " + v));
        flags.operands(v -> handed.add(v));
        assertEquals(List.of("-q x", "a", "b", "-c", "-"), apply(flags, "a", "-q", "x", "b", "--", "-c", "-"));
    }

    @Test
    void theRestOfTheLineFromTheFirstOperandIsTheProgramsOwnDashesAndAll() {
        var flags = new Flags();
        flags.flag("-a", () -> handed.add("-a"));
        flags.text("-g", v -> handed.add("-g " + v));
        flags.restOfLine(v -> handed.add(v));
        assertEquals(
                List.of("-a", "-g /usr/sbin/ftpd", "ftpd", "-l", "-a"),
                apply(flags, "-a", "-g", "/usr/sbin/ftpd", "ftpd", "-l", "-a"));
    }

    @Test
    void aLongFlagWithAnOptionalNumberTakesItAfterAnEqualsSignOrAsTheNextWordIfNotAFlag() {
        for (var line :
                List.of(
                        List.of(List.of("--wait"), List.of("wait 60")),
                        List.of(List.of("--wait=30"), List.of("wait 30")),
                        List.of(List.of("--wait", "30"), List.of("wait 30")),
                        List.of(List.of("--wait", "-s", "x"), List.of("-s x", "wait 60")))) {
            handed.clear();
            var flags = new Flags();
            flags.text("-s", v -> handed.add("-s " + v));
            flags.optionalNumber("--wait", "60", v -> handed.add("wait " + v));
            assertEquals(line.get(1), apply(flags, line.get(0).toArray(String[]::new)), line.get(0)::toString);
        }
        var flags = new Flags();
        flags.optionalNumber("--wait", "60", v -> handed.add("wait " + v));
        assertThrows(Flags.BadCommandLine.class, () -> flags.apply("--wait=soon"));
    }

    @Test
    void aPathValueIsAPathAndANulCharacterIsABadCommandLine() {
        var flags = new Flags();
        List<Path> paths = new ArrayList<>();
        flags.path("-C", paths::add);
        flags.apply("-C", "/etc/inetd.conf");
        assertEquals(List.of(Path.of("/etc/inetd.conf")), paths);
        var again = new Flags();
        again.path("-C", paths::add);
        assertThrows(Flags.BadCommandLine.class, () -> again.apply("-C", "a\0b"));
    }

    @Test
    void namesAndWhetherAValueIsDueAreWhatCompletionOffers() {
        var flags = status();
        flags.optionalNumber("--wait", "60", v -> {});
        assertEquals(List.of("-l", "-a", "-s", "-p", "--wait"), flags.names());
        assertFalse(flags.needsValue("-l"));
        assertTrue(flags.needsValue("-s"));
        assertFalse(flags.needsValue("--wait"));
    }
}
