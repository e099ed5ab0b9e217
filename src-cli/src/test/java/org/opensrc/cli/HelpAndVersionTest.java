package org.opensrc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensrc.libsrc.Version;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code --help} and {@code --version} (beyond AIX, as GNU programs): recognised as the first argument only, answered
 * on standard output with exit status 0; every other command line, usage errors included, is left as it was.
 */
class HelpAndVersionTest {

    private static final String NOT_ACTIVE = "0513-001 The System Resource Controller daemon is not active.\n";

    @TempDir Path root;

    private Run run(Map<String, String> env, String command, String... args) {
        return Run.of(root, env, 1000, command, args);
    }

    private Run run(String command, String... args) {
        return run(Map.of(), command, args);
    }

    static List<String> commands() {
        return Commands.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void helpPrintsTheUsageOfAUsageErrorOnStandardOutputAndExits0(String command) {
        Run usageError = run(command, "-Z");
        assertEquals(1, usageError.status(), usageError.toString());
        // the usage goes where the command sends its failures: standard output, or standard error for the ODM commands
        String usage = usageError.out() + usageError.err();
        assertFalse(usage.isEmpty());

        assertEquals(new Run(0, usage, ""), run(command, "--help"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void helpIsAnswerNotAFailureSoSrcMessagesDoesNotMoveIt(String command) {
        Run r = run(Map.of("SRC_MESSAGES", "stderr"), command, "--help");
        assertEquals(0, r.status());
        assertFalse(r.out().isEmpty());
        assertEquals("", r.err());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void versionPrintsOneGnuStyleLineAndExits0(String command) {
        assertEquals(new Run(0, command + " (OpenSRC) " + Version.number() + "\n", ""), run(command, "--version"));
    }

    @Test
    void helpAfterAnotherArgumentIsNotInterceptedButPassedOnAsOnAix() {
        // a value: the subsystem's argument, sent with the request (which finds no srcmstr)
        assertEquals(new Run(1, NOT_ACTIVE, ""), run("startsrc", "-s", "x", "-a", "--help"));
        assertEquals(new Run(1, NOT_ACTIVE, ""), run("lssrc", "-s", "--version"));
        // a flag lssrc does not know: the usage error, as before
        Run stray = run("lssrc", "-a", "--help");
        assertEquals(1, stray.status());
        assertEquals(run("lssrc", "-x"), stray);
    }

    @Test
    void theUsageErrorStaysAsItWas() {
        Run r = run("lssrc", "-x");
        assertEquals(1, r.status());
        assertEquals("0513-039 Usage is one of:", r.out().lines().findFirst().orElseThrow());
        assertEquals("", r.err());
        Run odm = run("odmget", "-x");
        assertEquals(new Run(1, "", "usage: odmget [-q criteria] classname [classname . . . ]\n"), odm);
    }
}
