package org.opensrc.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.opensrc.libsrc.SrcPaths;

/**
 * Fuzzes the command lines of every command, argv to exit status: flags are parsed,
 * checked and turned into a request, which then finds no srcmstr (an empty SRC_ROOT) and
 * fails as 0513-001; {@code -h} is refused before any lookup, as the caller is not root.
 * Whatever the words, the command ends with status 0 or 1 and a message, never with an
 * exception. The input is text: the command name on the first line (another first line
 * picks a command by its hash), then one argument per line.
 */
class CommandLineFuzzTest {

    private static final List<String> COMMANDS = Commands.names();
    private static final CommandEnvironment ENVIRONMENT;

    static {
        try {
            ENVIRONMENT = new CommandEnvironment(new SrcPaths(Files.createTempDirectory("fuzz-cli")), Map.of(), () -> 1000);
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest(maxDuration = "10s")
    @DictionaryEntries({"\n-a\n", "\n-c\n", "\n-d\n", "\n-e\n", "\n-f\n", "\n-g\n", "\n-h\n", "\n-i\n", "\n-l\n",
        "\n-m\n", "\n-n\n", "\n-o\n", "\n-p\n", "\n-q\n", "\n-s\n", "\n-t\n", "\n-u\n", "\n-w\n", "\n-D\n", "\n-E\n",
        "\n-G\n", "\n-I\n", "\n-K\n", "\n-N\n", "\n-O\n", "\n-P\n", "\n-Q\n", "\n-R\n", "\n-S\n", "\n-T\n", "\n--json\n",
        "\n--wait\n", "\n--backoff\n", "\n--no-backoff\n", "\n--backoff-initial-ms\n", "\n--backoff-max-ms\n",
        "\n--kill-escalation\n", "\n--no-kill-escalation\n", "\n--readiness\n", "\n--no-readiness\n"})
    void everyCommandLineEndsInStatusZeroOrOneWithoutAnException(byte[] input) {
        String[] lines = new String(input, UTF_8).split("\n", -1);
        String command = COMMANDS.contains(lines[0]) ? lines[0]
                : COMMANDS.get(Math.floorMod(lines[0].hashCode(), COMMANDS.size()));
        String[] args = Arrays.copyOfRange(lines, 1, lines.length);
        StringWriter err = new StringWriter();
        int status = Commands.run(command, args, new PrintWriter(new StringWriter()), new PrintWriter(err), ENVIRONMENT);
        assertTrue(status == 0 || status == 1, command + " " + Arrays.toString(args) + " exited " + status);
        assertTrue(status == 0 || !err.toString().isBlank(),
                command + " " + Arrays.toString(args) + " failed without a message");
    }
}
