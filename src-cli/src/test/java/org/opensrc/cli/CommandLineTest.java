package org.opensrc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Map;

/**
 * Command lines without srcmstr: where usage errors and failures are printed (standard output as on AIX, standard error
 * with {@code SRC_MESSAGES=stderr}) and in which words (AIX's usage messages, never the parser's).
 */
class CommandLineTest {

    private static final String NOT_ACTIVE = "0513-001 The System Resource Controller daemon is not active.\n";

    private static final String LSSRC_USAGE =
            """
            0513-039 Usage is one of:
            lssrc [-h host] -a\s
            lssrc [-h host] -g group_name
            lssrc [-h host] [-l] -s subsystem_name
            lssrc [-h host] [-l] -p subsystem_pid
            lssrc [-h host] [-l] -t subserver_type [-o subserver_object] [-p subsystem_pid]
            lssrc [-h host] [-l] -t subserver_type [-P subserver_pid] [-p subsystem_pid]
            lssrc -S [-s subsystem_name | -d ]
            lssrc -T [-t subserver_type]
            lssrc -N [-n notify_name]
            Beyond AIX: every form also takes --json; lssrc [-a] --watch [--json] also prints each change.
            """;

    @TempDir Path root;

    private Run run(Map<String, String> env, String command, String... args) {
        return Run.of(root, env, 1000, command, args);
    }

    private Run run(String command, String... args) {
        return run(Map.of(), command, args);
    }

    @Test
    void aMistypedFlagValuePrintsTheAixUsageOnStandardOutputWithoutTheParsersWords() {
        Run r = run("lssrc", "-p", "active");
        assertEquals(new Run(1, LSSRC_USAGE, ""), r);
    }

    @Test
    void withSrcMessagesStderrTheUsageGoesToStandardError() {
        Run r = run(Map.of("SRC_MESSAGES", "stderr"), "lssrc", "-p", "active");
        assertEquals(new Run(1, "", LSSRC_USAGE), r);
    }

    @Test
    void aFailureGoesToStandardOutputByDefaultAndToStandardErrorOnRequest() {
        assertEquals(new Run(1, NOT_ACTIVE, ""), run("lssrc", "-s", "sshd"));
        assertEquals(new Run(1, NOT_ACTIVE, ""), run(Map.of("SRC_MESSAGES", "stdout"), "lssrc", "-s", "sshd"));
        assertEquals(new Run(1, "", NOT_ACTIVE), run(Map.of("SRC_MESSAGES", "stderr"), "lssrc", "-s", "sshd"));
    }

    @Test
    void anUnknownSrcMessagesValueIsRefusedOnStandardError() {
        Run r = run(Map.of("SRC_MESSAGES", "both"), "lssrc", "-s", "sshd");
        assertEquals(new Run(1, "", "SRC_MESSAGES: stdout or stderr, not 'both'\n"), r);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "startsrc  | 0513-038 Usage is one of:",
                "stopsrc   | 0513-040 Usage is one of:",
                "lssrc     | 0513-039 Usage is one of:",
                "refresh   | 0513-052 Usage is one of:",
                "traceson  | 0513-050 Usage is one of:",
                "tracesoff | 0513-051 Usage is one of:",
                "mkssys    | '0513-069 Usage: mkssys -s subsystem_name '",
                "chssys    | '0513-074 Usage: chssys -s old_subsystem_name '",
                "rmssys    | 0513-082 Usage: rmssys -s subsystem_name",
                "mkserver  | 0513-061 Usage: mkserver -s subsystem_name -t subserver_type -c subserver_code.",
                "chserver  | 0513-072 Usage: chserver  -t subserver_type"
                        + " {[-t subserver_type] [-s subsystem_name] [-c subserver_code]}",
                "rmserver  | 0513-080 Usage: rmserver -t subserver_type",
                "mknotify  | 0513-066 Usage: mknotify -n notify_name -m notify_method",
                "rmnotify  | 0513-078 Usage: rmnotify -n subsystem_name or group_name",
            })
    void anUnknownFlagPrintsTheCommandsAixUsageMessage(String command, String firstLine) {
        Run r = run(command, "-Z");
        assertEquals(1, r.status(), r.toString());
        assertEquals(firstLine, r.out().lines().findFirst().orElseThrow(), r.toString());
        assertEquals("", r.err());
    }

    @Test
    void mkssysPrintsItsUsageOnTheLinesOfSrcMsgIncludingTheBlankOne() {
        Run r = run("mkssys", "-s", "a");
        assertEquals(1, r.status());
        assertTrue(
                r.out()
                        .startsWith(
                                "0513-069 Usage: mkssys -s subsystem_name \n"
                                        + "\t-p subsystem_path \n"
                                        + "\t-u userid \n"
                                        + "\t[-t synonym_name] \n"
                                        + "\t[-a command_arguments] \n"
                                        + "\t[-i stdin] \n"
                                        + "\t[-o stdout] \n"
                                        + "\t[-e stderr] \n"
                                        + "\t[-R | -O] \n"
                                        + "\t[-d | -D] \n"
                                        + "\t[-q | -Q] \n"
                                        + "\t[{-I message_queue_key -m subsystem_mtype}\n"
                                        + "\n"
                                        + "\t\t| {-S -n signorm -f sigforce} | -K] \n"
                                        + "\t[-E priority] \n"
                                        + "\t[-G group_name] \n"
                                        + "\t[-w wait_time]\n"
                                        + "Beyond AIX: "),
                r.out());
    }

    @Test
    void aUidTooLargeForANumberIsAUsageErrorNamingIt() {
        Run r = run("mkssys", "-s", "a", "-p", "/bin/true", "-u", "99999999999999999999");
        assertEquals(1, r.status());
        assertTrue(r.out().startsWith("-u 99999999999999999999: not a user ID\n0513-069 Usage: mkssys"), r.out());
        r = run("chssys", "-s", "a", "-u", "99999999999999999999");
        assertTrue(r.out().contains("0513-074 Usage: chssys"), r.out());
    }

    @Test
    void startsrcTakesAnArgumentOf1200BytesAndRefusesOneMoreWith0513112AndTheUsage() {
        assertEquals(new Run(1, NOT_ACTIVE, ""), run("startsrc", "-s", "a", "-a", "x".repeat(1200)));
        Run tooLong = run("startsrc", "-s", "a", "-a", "x".repeat(1201));
        assertEquals(1, tooLong.status());
        assertTrue(
                tooLong.out()
                        .startsWith(
                                "0513-112 The startsrc argument is too long. Only 1200 bytes are allowed.\n"
                                        + "0513-038 Usage is one of:\n"),
                tooLong.out());
        // bytes, as AIX counts them: 600 two-byte characters are 1200 bytes, 601 are too many
        assertEquals(new Run(1, NOT_ACTIVE, ""), run("startsrc", "-s", "a", "-a", "é".repeat(600)));
        assertTrue(run("startsrc", "-s", "a", "-a", "é".repeat(601)).out().startsWith("0513-112 "));
        assertTrue(run("startsrc", "-s", "a", "-e", "x".repeat(1201)).out().startsWith("0513-113 "));
    }

    @Test
    void tracesoffOfASubserverNeedsExactlyOneOfObjectAndSubserverPidAsOnAix72() {
        assertTrue(run("tracesoff", "-t", "ftp").out().startsWith("0513-051 Usage is one of:\n"));
        assertTrue(run("tracesoff", "-t", "ftp", "-o", "x", "-P", "12").out().startsWith("0513-051 "));
        assertEquals(new Run(1, NOT_ACTIVE, ""), run("tracesoff", "-t", "ftp", "-o", "x"));
        assertEquals(new Run(1, NOT_ACTIVE, ""), run("tracesoff", "-t", "ftp", "-P", "12", "-p", "4"));
        assertEquals(new Run(1, NOT_ACTIVE, ""), run("traceson", "-t", "ftp"));
    }

    @Test
    void clusteredFlagsStillWork() {
        assertEquals(new Run(1, NOT_ACTIVE, ""), run("lssrc", "-ls", "inetd"));
    }
}
