package org.opensrc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * As AIX's, the definition commands and {@code lssrc -S/-T/-N} work while srcmstr is down: they edit the registry under
 * the lock srcmstr takes, with srcmstr's rules and messages, and srcmstr sees the result when it starts.
 */
class DefinitionsWithoutSrcmstrIT {

    private static final List<String> NOBODY =
            List.of("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--");

    @Test
    void definitionsMadeWhileSrcmstrIsDownAreTheOnesItStartsWith() throws Exception {
        try (SrcRoot src = SrcRoot.empty()) {
            assertTrue(Files.notExists(src.socket()));
            expect(
                    src,
                    "0513-071 The d1 Subsystem has been added.",
                    "mkssys",
                    "-s",
                    "d1",
                    "-p",
                    "/bin/sleep",
                    "-a",
                    "600",
                    "-u",
                    uid(),
                    "-G",
                    "batch");
            refused(
                    src,
                    "0513-075 The new subsystem name is already on file.",
                    "mkssys",
                    "-s",
                    "d1",
                    "-p",
                    "/bin/sleep",
                    "-u",
                    uid());
            expect(src, "0513-077 Subsystem has been changed.", "chssys", "-s", "d1", "-a", "700");
            expect(src, "0513-065 The svc Subserver has been added.", "mkserver", "-s", "d1", "-t", "svc", "-c", "3");
            expect(src, "0513-081 Subserver type has been removed.", "rmserver", "-t", "svc");
            expect(src, "0513-068 The d1 Notify method has been added.", "mknotify", "-n", "d1", "-m", "/bin/true");

            var listed = src.run("lssrc", "-S", "-s", "d1");
            assertEquals(0, listed.status(), listed.toString());
            assertTrue(listed.lines().get(1).startsWith("d1::700:/bin/sleep:"), listed.toString());
            var notifies = src.run("lssrc", "-N");
            assertEquals(List.of("#notifyname:notifymethod:", "d1:/bin/true:"), notifies.lines(), notifies.toString());
            // what needs a running srcmstr still says it is not there
            var status = src.run("lssrc", "-s", "d1");
            assertEquals(1, status.status(), status.toString());
            assertTrue((status.out() + status.err()).contains("0513-001"), status.toString());

            src.startSrcmstr();
            var seen = src.run("lssrc", "-S", "-s", "d1");
            assertEquals(listed.out(), seen.out(), seen.toString());
            expect(src, "0513-059 The d1 Subsystem has been started. Subsystem PID is ", "startsrc", "-s", "d1");
            var running = src.run("lssrc", "-g", "batch");
            assertTrue(running.lines().get(1).contains("active"), running.toString());
            src.run("stopsrc", "-c", "-s", "d1");
        }
    }

    @Test
    void writersRacingSrcmstrsStartLoseNoDefinition() throws Exception {
        try (SrcRoot src = SrcRoot.empty()) {
            int each = 8;
            List<Process> writers = new ArrayList<>();
            for (String prefix : List.of("a", "b")) {
                String loop =
                        "for i in $(seq 1 "
                                + each
                                + "); do \"$BIN/mkssys\" -s "
                                + prefix
                                + "$i -p /bin/true -u "
                                + uid()
                                + " || echo FAILED $i; done";
                ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", loop).redirectErrorStream(true);
                pb.environment().put("SRC_ROOT", src.root.toString());
                pb.environment().put("BIN", SrcRoot.TREE.resolve("bin").toString());
                pb.redirectOutput(src.root.resolve("writer-" + prefix + ".txt").toFile());
                writers.add(pb.start());
            }
            // srcmstr starts while the writers run: some of their changes go to the files, some through srcmstr
            src.startSrcmstr();
            for (Process w : writers) {
                assertTrue(w.waitFor(300, TimeUnit.SECONDS), "a writer hung");
            }
            for (String prefix : List.of("a", "b")) {
                String out = Files.readString(src.root.resolve("writer-" + prefix + ".txt"), StandardCharsets.UTF_8);
                assertEquals(
                        each,
                        out.lines()
                                .filter(l -> l.matches("0513-071 The " + prefix + "\\d+ Subsystem has been added\\."))
                                .count(),
                        out);
            }
            var listed = src.run("lssrc", "-S");
            assertEquals(1 + 2 * each, listed.lines().size(), listed.toString());
            var status = src.run("lssrc", "-a");
            assertEquals(1 + 2 * each, status.lines().size(), status.toString());
        }
    }

    @Test
    void aUserWhoMayNotChangeDefinitionsIsRefusedAsByRunningSrcmstrAndMayStillReadThem() throws Exception {
        try (SrcRoot src = SrcRoot.empty()) {
            expect(
                    src,
                    "0513-071 The d1 Subsystem has been added.",
                    "mkssys",
                    "-s",
                    "d1",
                    "-p",
                    "/bin/true",
                    "-u",
                    uid());
            Path registry = src.root.resolve("etc/src/SRCsubsys.json");
            String before = Files.readString(registry);

            var refused = asNobody(src, "mkssys", "-s", "d2", "-p", "/bin/true", "-u", "nobody");
            src.startSrcmstr();
            var refusedByRunning = asNobody(src, "mkssys", "-s", "d2", "-p", "/bin/true", "-u", "nobody");
            src.stopSrcmstr();
            assertEquals(1, refused.status(), refused.toString());
            assertEquals(refusedByRunning.out() + refusedByRunning.err(), refused.out() + refused.err());
            assertEquals(before, Files.readString(registry));

            var read = asNobody(src, "lssrc", "-S", "-s", "d1");
            assertEquals(0, read.status(), read.toString());
            assertTrue(read.lines().get(1).startsWith("d1::"), read.toString());
        }
    }

    private static SrcRoot.Result asNobody(SrcRoot src, String command, String... args) {
        List<String> argv = new ArrayList<>(NOBODY);
        argv.add(SrcRoot.TREE.resolve("bin").resolve(command).toString());
        argv.addAll(List.of(args));
        return src.exec(argv, Map.of());
    }

    /** Runs a command that must succeed and print a line starting with {@code message}. */
    private static void expect(SrcRoot src, String message, String command, String... args) {
        var r = src.run(command, args);
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().startsWith(message), r.toString());
    }

    /** Runs a command that must fail with {@code message}. */
    private static void refused(SrcRoot src, String message, String command, String... args) {
        var r = src.run(command, args);
        assertEquals(1, r.status(), r.toString());
        assertEquals(message + "\n", r.out() + r.err(), r.toString());
    }

    private static String uid() {
        return String.valueOf(new com.sun.security.auth.module.UnixSystem().getUid());
    }
}
