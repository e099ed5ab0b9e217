package org.opensrc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the commands print and on how many lines, as AIX's {@code srcerr()} does: every SRC message on standard output,
 * multi-line catalog texts on their lines, usage errors as {@code 0513-0NN Usage}; standard error only with {@code
 * SRC_MESSAGES=stderr}.
 */
class OutputStreamsIT {

    private static final Map<String, String> ON_STDERR = Map.of("SRC_MESSAGES", "stderr");

    static SrcRoot src;

    @BeforeAll
    static void start() throws Exception {
        src = SrcRoot.start();
    }

    @AfterAll
    static void stop() throws Exception {
        src.close();
    }

    private static void define(String name, String... more) {
        var args = new java.util.ArrayList<>(List.of("-s", name, "-p", "/bin/sleep", "-a", "300", "-u", "0"));
        args.addAll(List.of(more));
        var made = src.run("mkssys", args.toArray(String[]::new));
        assertEquals(0, made.status(), made.toString());
    }

    @Test
    void aFailureIsPrintedOnStandardOutputAndOnStandardErrorOnlyWhenAskedFor() {
        var aix = src.run("startsrc", "-s", "nosuch");
        assertEquals(1, aix.status());
        assertEquals("0513-085 The nosuch Subsystem is not on file.\n", aix.out(), aix.toString());
        assertEquals("", aix.err());
        var opted = src.runWith(ON_STDERR, "startsrc", "-s", "nosuch");
        assertEquals(1, opted.status());
        assertEquals("", opted.out(), opted.toString());
        assertEquals("0513-085 The nosuch Subsystem is not on file.\n", opted.err());
    }

    @Test
    void alreadyActiveIsPrintedOnTwoLinesAsSrcMsgHasIt() {
        define("twice");
        assertTrue(src.run("startsrc", "-s", "twice").out().startsWith("0513-059 "));
        var again = src.run("startsrc", "-s", "twice");
        assertEquals(1, again.status());
        assertEquals(
                List.of("0513-029 The twice Subsystem is already active.", "Multiple instances are not supported."),
                again.lines(),
                again.toString());
        assertEquals("", again.err());
    }

    @Test
    void aGroupKeepsItsOrderInAPipeWhenSuccessesAndFailuresMix() {
        define("gfirst", "-G", "mixed");
        define("gsecond", "-G", "mixed");
        assertTrue(src.run("startsrc", "-s", "gfirst").out().startsWith("0513-059 "));
        var piped =
                src.exec(
                        List.of("sh", "-c", "\"$0\" -g mixed | cat", SrcRoot.TREE.resolve("bin/startsrc").toString()),
                        Map.of());
        List<String> lines = piped.lines();
        assertEquals(3, lines.size(), piped.toString());
        assertEquals("0513-029 The gfirst Subsystem is already active.", lines.get(0));
        assertEquals("Multiple instances are not supported.", lines.get(1));
        assertTrue(
                Pattern.matches(
                        "0513-059 The gsecond Subsystem has been started\\. Subsystem PID is \\d+\\.", lines.get(2)),
                piped.toString());
        assertEquals("", piped.err());
        var stopped = src.exec(List.of("sh", "-c", "\"$0\" -g mixed | cat", stopsrc()), Map.of());
        assertEquals(
                List.of(
                        "0513-044 The gfirst Subsystem was requested to stop.",
                        "0513-044 The gsecond Subsystem was requested to stop."),
                stopped.lines(),
                stopped.toString());
    }

    private static String stopsrc() {
        return SrcRoot.TREE.resolve("bin/stopsrc").toString();
    }

    @Test
    void aMistypedFlagValuePrintsTheAixUsageNeverTheParsersWords() {
        var r = src.run("lssrc", "-p", "active");
        assertEquals(1, r.status());
        assertEquals("0513-039 Usage is one of:", r.lines().getFirst(), r.toString());
        assertEquals("lssrc [-h host] -a ", r.lines().get(1), r.toString());
        assertFalse(r.out().contains("Invalid value"), r.toString());
        assertFalse(r.out().contains("not an int"), r.toString());
        assertEquals("", r.err());
        var unknown = src.run("stopsrc", "-x", "-s", "a");
        assertEquals(1, unknown.status());
        assertEquals("0513-040 Usage is one of:", unknown.lines().getFirst(), unknown.toString());
        assertFalse(unknown.out().contains("Unknown option"), unknown.toString());
        var opted = src.runWith(ON_STDERR, "lssrc", "-p", "active");
        assertEquals("", opted.out());
        assertTrue(opted.err().startsWith("0513-039 Usage is one of:\n"), opted.toString());
    }

    @Test
    void startsrcPassesAn1200ByteArgumentAndRefusesALongerOneWith0513112() throws Exception {
        Path script = src.root.resolve("count.sh");
        Files.writeString(script, "#!/bin/sh\necho \"$#:${#1}\" > \"$0.out\"\nexec sleep 300\n");
        script.toFile().setExecutable(true);
        var made = src.run("mkssys", "-s", "longarg", "-p", script.toString(), "-u", "0");
        assertEquals(0, made.status(), made.toString());
        var accepted = src.run("startsrc", "-s", "longarg", "-a", "x".repeat(1200));
        assertTrue(accepted.out().startsWith("0513-059 The longarg Subsystem has been started."), accepted.toString());
        Path seen = src.root.resolve("count.sh.out");
        SrcRoot.await(java.time.Duration.ofSeconds(20), () -> Files.exists(seen), "the argument to arrive");
        SrcRoot.await(
                java.time.Duration.ofSeconds(20),
                () -> {
                    try {
                        return Files.readString(seen).equals("1:1200\n");
                    } catch (java.io.IOException e) {
                        return false;
                    }
                },
                "1200 bytes in one argument");
        src.run("stopsrc", "-s", "longarg");
        var refused = src.run("startsrc", "-s", "longarg", "-a", "x".repeat(1201));
        assertEquals(1, refused.status());
        assertEquals(
                "0513-112 The startsrc argument is too long. Only 1200 bytes are allowed.",
                refused.lines().getFirst(),
                refused.toString());
        assertEquals("0513-038 Usage is one of:", refused.lines().get(1), refused.toString());
    }

    @Test
    void tracesoffOfASubserverNeedsAnObjectOrASubserverPid() {
        define("tracer");
        assertEquals(0, src.run("mkserver", "-s", "tracer", "-t", "tsub", "-c", "7").status());
        var bare = src.run("tracesoff", "-t", "tsub");
        assertEquals(1, bare.status());
        assertEquals("0513-051 Usage is one of:", bare.lines().getFirst(), bare.toString());
        var both = src.run("tracesoff", "-t", "tsub", "-o", "x", "-P", "12");
        assertEquals("0513-051 Usage is one of:", both.lines().getFirst(), both.toString());
        // with one of them the request goes on, to a subsystem that does not run
        var withObject = src.run("tracesoff", "-t", "tsub", "-o", "x");
        assertEquals(1, withObject.status());
        assertEquals(
                List.of(
                        "0513-036 The request could not be passed to the tracer subsystem.",
                        "Start the subsystem and try your command again."),
                withObject.lines(),
                withObject.toString());
        var traceson = src.run("traceson", "-t", "tsub");
        assertTrue(traceson.out().startsWith("0513-036 "), traceson.toString());
    }

    @Test
    void startsrcOfASubserverWhoseSubsystemIsDownPrintsOnlyTheSubserversLine() throws Exception {
        Path conf = src.root.resolve("parent.conf");
        Files.writeString(conf, "one\n");
        var made =
                src.run(
                        "mkssys",
                        "-s",
                        "parent",
                        "-p",
                        SrcRoot.TREE.resolve("lib/opensrc-run").toString(),
                        "-a",
                        "daemon sample -c " + conf,
                        "-u",
                        "0");
        assertEquals(0, made.status(), made.toString());
        assertEquals(0, src.run("mkserver", "-s", "parent", "-t", "alpha", "-c", "1").status());
        var started = src.run("startsrc", "-t", "alpha");
        assertEquals("0513-124 The alpha subserver has been started.\n", started.out(), started.toString());
        assertTrue(src.run("lssrc", "-s", "parent").out().contains("active"), "the parent was started");
        src.run("stopsrc", "-s", "parent");
    }
}
