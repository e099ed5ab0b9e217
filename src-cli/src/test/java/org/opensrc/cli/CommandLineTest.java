package org.opensrc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensrc.cli.command.CommandEnvironment;
import org.opensrc.libsrc.SrcPaths;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Command lines the fuzzer (CommandLineFuzzTest) showed to end in an exception. */
class CommandLineTest {

    @TempDir Path root;

    private String run(int expectedStatus, String command, String... args) {
        StringWriter err = new StringWriter();
        int status =
                Commands.run(
                        command,
                        args,
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(err),
                        new CommandEnvironment(new SrcPaths(root), Map.of(), () -> 1000));
        assertEquals(expectedStatus, status, err.toString());
        return err.toString();
    }

    @Test
    void aUidTooLargeForANumberIsAUsageErrorNamingIt() {
        String err = run(1, "mkssys", "-s", "a", "-p", "/bin/true", "-u", "99999999999999999999");
        assertTrue(err.contains("99999999999999999999"), err);
        assertTrue(err.contains("Usage: mkssys"), err);
        err = run(1, "chssys", "-s", "a", "-u", "99999999999999999999");
        assertTrue(err.contains("Usage: chssys"), err);
    }
}
