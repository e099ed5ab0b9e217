package org.opensrc.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.opensrc.cli.command.CommandEnvironment;
import org.opensrc.libsrc.SrcPaths;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the command lines of every command, argv to exit status: flags are parsed, checked and turned into a request,
 * which then finds no srcmstr (an empty SRC_ROOT) and fails as 0513-001; {@code -h} is refused before any lookup, as
 * the caller is not root. Whatever the words, the command ends with status 0 or 1 and a message, never with an
 * exception. The input is text: the command name on the first line (another first line picks a command by its hash),
 * then one argument per line.
 */
class CommandLineFuzzTest {

    private static final List<String> COMMANDS = Commands.names();
    private static final CommandEnvironment ENVIRONMENT;

    static {
        // odmadd and odmchange without a file read standard input: give them an empty one, never surefire's
        System.setIn(new java.io.ByteArrayInputStream(new byte[0]));
        try {
            ENVIRONMENT =
                    new CommandEnvironment(new SrcPaths(Files.createTempDirectory("fuzz-cli")), Map.of(), () -> 1000);
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest(maxDuration = "10s")
    // one argument per line; in libFuzzer's dictionary syntax \\x0A is the newline
    @DictionaryEntries({
        "\\x0A-a\\x0A",
        "\\x0A-c\\x0A",
        "\\x0A-d\\x0A",
        "\\x0A-e\\x0A",
        "\\x0A-f\\x0A",
        "\\x0A-g\\x0A",
        "\\x0A-h\\x0A",
        "\\x0A-i\\x0A",
        "\\x0A-l\\x0A",
        "\\x0A-m\\x0A",
        "\\x0A-n\\x0A",
        "\\x0A-o\\x0A",
        "\\x0A-p\\x0A",
        "\\x0A-q\\x0A",
        "\\x0A-s\\x0A",
        "\\x0A-t\\x0A",
        "\\x0A-u\\x0A",
        "\\x0A-w\\x0A",
        "\\x0A-D\\x0A",
        "\\x0A-E\\x0A",
        "\\x0A-G\\x0A",
        "\\x0A-I\\x0A",
        "\\x0A-K\\x0A",
        "\\x0A-N\\x0A",
        "\\x0A-O\\x0A",
        "\\x0A-P\\x0A",
        "\\x0A-Q\\x0A",
        "\\x0A-R\\x0A",
        "\\x0A-S\\x0A",
        "\\x0A-T\\x0A",
        "\\x0A--json\\x0A",
        "\\x0A--wait\\x0A",
        "\\x0A--backoff\\x0A",
        "\\x0A--no-backoff\\x0A",
        "\\x0A--backoff-initial-ms\\x0A",
        "\\x0A--backoff-max-ms\\x0A",
        "\\x0A--kill-escalation\\x0A",
        "\\x0A--no-kill-escalation\\x0A",
        "\\x0A--readiness\\x0A",
        "\\x0A--no-readiness\\x0A"
    })
    void everyCommandLineEndsInStatusZeroOrOneWithoutAnException(byte[] input) {
        String[] lines = new String(input, UTF_8).split("\n", -1);
        String command =
                COMMANDS.contains(lines[0])
                        ? lines[0]
                        : COMMANDS.get(Math.floorMod(lines[0].hashCode(), COMMANDS.size()));
        String[] args = Arrays.copyOfRange(lines, 1, lines.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Commands.run(command, args, new PrintWriter(out), new PrintWriter(err), ENVIRONMENT);
        assertTrue(status == 0 || status == 1, command + " " + Arrays.toString(args) + " exited " + status);
        assertTrue(
                status == 0 || !(out.toString() + err.toString()).isBlank(),
                command + " " + Arrays.toString(args) + " failed without a message");
    }
}
