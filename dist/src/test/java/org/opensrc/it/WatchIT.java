package org.opensrc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;

import org.junit.jupiter.api.Test;
import org.opensrc.proto.v1.InstanceChange;
import org.opensrc.proto.v1.Status;
import org.opensrc.proto.v1.SubsystemStatus;
import org.opensrc.proto.v1.WatchEvent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** {@code lssrc --watch} against a real srcmstr: real processes, real signals, real pipes. */
class WatchIT {

    private static final Duration LONG = Duration.ofSeconds(120);

    /** A running {@code bin/lssrc --watch}: its standard output, read on a thread of its own (or left unread). */
    private static final class Watcher implements AutoCloseable {
        final Process process;
        private final List<String> lines = new ArrayList<>();
        private Thread reader;

        Watcher(SrcRoot src, boolean json) throws IOException {
            List<String> argv = new ArrayList<>();
            // a background job of a non-interactive shell inherits SIGINT ignored: give it back its default, as a
            // terminal's foreground job has it
            argv.addAll(List.of("env", "--default-signal=INT", SrcRoot.TREE.resolve("bin/lssrc").toString()));
            argv.add("--watch");
            if (json) {
                argv.add("--json");
            }
            ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
            pb.environment().put("SRC_ROOT", src.root.toString());
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            process = pb.start();
        }

        /** Starts reading what it prints. */
        Watcher reading() {
            reader =
                    Thread.ofPlatform()
                            .daemon()
                            .start(
                                    () -> {
                                        try (BufferedReader in =
                                                new BufferedReader(
                                                        new InputStreamReader(
                                                                process.getInputStream(), StandardCharsets.UTF_8))) {
                                            for (String line; (line = in.readLine()) != null; ) {
                                                synchronized (lines) {
                                                    lines.add(line);
                                                }
                                            }
                                        } catch (IOException e) {
                                            // the process ended
                                        }
                                    });
            return this;
        }

        List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }

        List<String> await(Predicate<List<String>> condition, String what) {
            SrcRoot.await(LONG, () -> condition.test(lines()), what + "; printed so far:\n" + tail());
            return lines();
        }

        private String tail() {
            List<String> all = lines();
            return String.join("\n", all.subList(Math.max(0, all.size() - 20), all.size()));
        }

        int awaitExit() throws InterruptedException {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "lssrc --watch did not end");
            if (reader != null) {
                reader.join(10_000);
            }
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    @Test
    void aKill9AndItsRespawnShowWithinTheSameSecondAndCtrlCEndsTheWatchWithStatus0() throws Exception {
        try (SrcRoot src = SrcRoot.start()) {
            assertEquals(
                    0,
                    src.run("mkssys", "-s", "napper", "-p", "/bin/sleep", "-a", "1000", "-u", "0", "-R", "-G", "naps")
                            .status());
            assertEquals(0, src.run("startsrc", "-s", "napper").status());
            long pid = Long.parseLong(src.run("lssrc", "-s", "napper").lines().get(1).substring(35, 48).trim());
            try (Watcher watch = new Watcher(src, false).reading()) {
                watch.await(l -> l.size() >= 2, "the listing");
                assertEquals(
                        List.of(
                                "Subsystem         Group            PID          Status",
                                " napper           naps             " + String.format("%-13s", pid) + "active"),
                        watch.lines().subList(0, 2));

                ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // kill -9
                List<String> lines = watch.await(l -> l.stream().anyMatch(s -> s.endsWith(" respawned")), "respawn");
                String died = lines.get(2);
                String respawned = lines.get(3);
                assertTrue(died.startsWith(" napper           naps                          inoperative    "), died);
                assertTrue(died.endsWith(" ended (signal 9)"), died);
                assertTrue(respawned.startsWith(" napper           naps             "), respawned);
                assertTrue(respawned.substring(48, 63).equals("active         "), respawned);
                assertNotEquals(Long.toString(pid), respawned.substring(35, 48).trim(), "a new process");
                LocalTime diedAt = LocalTime.parse(died.substring(63, 75));
                LocalTime respawnedAt = LocalTime.parse(respawned.substring(63, 75));
                long apart = Duration.between(diedAt, respawnedAt).toMillis();
                assertTrue(apart >= 0 && apart < 1000, "the death and the respawn within the same second:\n" + lines);

                new ProcessBuilder("kill", "-INT", Long.toString(watch.process.pid())).start().waitFor();
                assertEquals(0, watch.awaitExit(), "Ctrl-C ends the watch with status 0");
            }
        }
    }

    @Test
    void whenSrcmstrGoesAwayTheWatchSays0513_001AndExits1() throws Exception {
        try (SrcRoot src = SrcRoot.start();
                Watcher watch = new Watcher(src, false).reading()) {
            watch.await(l -> !l.isEmpty(), "the listing");
            src.stopSrcmstr();
            assertEquals(1, watch.awaitExit());
            assertEquals("0513-001 The System Resource Controller daemon is not active.", watch.lines().getLast());
        }
    }

    @Test
    void aWatcherJoiningABurstOf500StartsMissesNothingAndSeesNothingTwice() throws Exception {
        try (SrcRoot src = SrcRoot.start()) {
            define(src, "b", 500);
            try (Watcher early = new Watcher(src, true).reading()) {
                early.await(l -> !l.isEmpty(), "the first snapshot");
                Process burst = command(src, "startsrc", "-g", "big");
                // the second watcher connects while the burst goes on: after the first watcher saw 100 starts
                early.await(l -> count(l, InstanceChange.INSTANCE_CHANGE_STARTED) >= 100, "100 starts");
                try (Watcher joining = new Watcher(src, true).reading()) {
                    assertEquals(0, burst.waitFor(), "startsrc -g big");
                    for (Watcher w : List.of(early, joining)) {
                        w.await(l -> activeIn(model(l)) == 500, "500 active");
                    }
                    Map<String, String> listing = listing(src);
                    assertEquals(500, listing.size());
                    for (Watcher w : List.of(early, joining)) {
                        assertEquals(listing, model(w.lines()), "snapshot + changes = lssrc -a");
                    }
                    List<WatchEvent> joined = events(joining.lines());
                    int activeAtJoin =
                            (int)
                                    joined.getFirst().getSnapshot().getSubsystemsList().stream()
                                            .filter(s -> s.getStatus() == Status.STATUS_ACTIVE)
                                            .count();
                    System.out.println("the second watcher joined with " + activeAtJoin + " of 500 active");
                }
            }
        }
    }

    @Test
    void aWatcherThatStopsReadingIsToldItLostEventsAndGetsAFreshSnapshotWhileOtherCommandsAreAnswered()
            throws Exception {
        try (SrcRoot src = SrcRoot.empty()) {
            Files.createDirectories(src.root.resolve("etc/src"));
            Files.writeString(src.root.resolve("etc/src/srcmstr.conf"), "watch.buffer.events = 8\n");
            src.startSrcmstr();
            define(src, "c", 250);
            // its standard output is a pipe nobody reads: once the pipe is full, lssrc stops reading the socket
            try (Watcher stuck = new Watcher(src, true)) {
                for (int cycle = 0; cycle < 4; cycle++) {
                    SrcRoot.Result started = src.run("startsrc", "-g", "big", "--wait");
                    assertEquals(0, started.status(), started.toString());
                    SrcRoot.Result stopped = src.run("stopsrc", "-g", "big", "--wait");
                    assertEquals(0, stopped.status(), stopped.toString());
                    SrcRoot.Result listed = src.run("lssrc", "-a");
                    assertEquals(0, listed.status(), "lssrc answers while a watcher is stuck: " + listed);
                }
                assertTrue(stuck.process.isAlive());
                stuck.reading();
                Map<String, String> listing = listing(src);
                List<String> lines = stuck.await(l -> listing.equals(model(l)), "the watcher to catch up");
                List<WatchEvent> events = events(lines);
                int lost = -1;
                for (int i = 0; i < events.size(); i++) {
                    if (events.get(i).hasLost()) {
                        lost = i;
                    }
                }
                assertTrue(lost > 0, "a lost notice after the first snapshot");
                WatchEvent notice = events.get(lost);
                WatchEvent fresh = events.get(lost + 1);
                assertTrue(notice.getLost().getDropped() > 0);
                assertTrue(fresh.hasSnapshot(), "a fresh snapshot after the notice");
                assertEquals(notice.getSequence(), fresh.getSequence());
                long next = fresh.getSequence() + 1;
                for (WatchEvent e : events.subList(lost + 2, events.size())) {
                    assertEquals(next++, e.getSequence(), "contiguous after the fresh snapshot");
                }
            }
        }
    }

    /** Defines {@code n} sleepers {@code PREFIXn} in group big with one odmadd. */
    private static void define(SrcRoot src, String prefix, int n) throws IOException {
        Path stanzas = src.root.resolve(prefix + ".add");
        Files.writeString(
                stanzas,
                IntStream.range(0, n)
                        .mapToObj(
                                i ->
                                        "SRCsubsys:\n\tsubsysname = \""
                                                + prefix
                                                + i
                                                + "\"\n\tpath = \"/bin/sleep\"\n\tcmdargs = \"1000\"\n\tuid = 0\n"
                                                + "\taction = 2\n\tcontact = 2\n\tsignorm = 15\n\tsigforce = 9\n"
                                                + "\tgrpname = \"big\"\n\n")
                        .collect(Collectors.joining()));
        SrcRoot.Result added = src.run("odmadd", stanzas.toString());
        assertEquals(0, added.status(), added.toString());
    }

    private static Process command(SrcRoot src, String... argv) throws IOException {
        List<String> full = new ArrayList<>();
        full.add(SrcRoot.TREE.resolve("bin").resolve(argv[0]).toString());
        full.addAll(List.of(argv).subList(1, argv.length));
        ProcessBuilder pb = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("SRC_ROOT", src.root.toString());
        return pb.start();
    }

    /** {@code lssrc -a} as name to "pid status". */
    private static Map<String, String> listing(SrcRoot src) {
        SrcRoot.Result r = src.run("lssrc", "-a");
        assertEquals(0, r.status(), r.toString());
        Map<String, String> rows = new TreeMap<>();
        for (String line : r.lines().subList(1, r.lines().size())) {
            String[] words = line.trim().split("\\s+");
            String pid = words.length == 4 ? words[2] : "0";
            rows.put(words[0], pid + " " + words[words.length - 1]);
        }
        return rows;
    }

    private static List<WatchEvent> events(List<String> lines) {
        List<WatchEvent> events = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith("{")) {
                continue; // the end: a message
            }
            WatchEvent.Builder b = WatchEvent.newBuilder();
            try {
                JsonFormat.parser().merge(line, b);
            } catch (InvalidProtocolBufferException e) {
                throw new UncheckedIOException(new IOException(line, e));
            }
            events.add(b.build());
        }
        return events;
    }

    private static long count(List<String> lines, InstanceChange kind) {
        return events(lines).stream().filter(e -> e.hasInstance() && e.getInstance().getChange() == kind).count();
    }

    /**
     * The state a client rebuilds from the stream, as name to "pid status", checking on the way that the changes after
     * each snapshot are numbered one after another and that no subsystem is started twice.
     */
    private static Map<String, String> model(List<String> lines) {
        Map<String, String> state = new TreeMap<>();
        long next = -1;
        for (WatchEvent e : events(lines)) {
            switch (e.getKindCase()) {
                case SNAPSHOT -> {
                    state.clear();
                    for (SubsystemStatus s : e.getSnapshot().getSubsystemsList()) {
                        if (s.getDisplay() || s.getStatus() != Status.STATUS_INOPERATIVE) {
                            state.put(s.getSubsysname(), s.getPid() + " " + word(s.getStatus()));
                        }
                    }
                    next = e.getSequence() + 1;
                }
                case LOST -> next = -1;
                case INSTANCE -> {
                    assertEquals(next++, e.getSequence(), "no gap, no repeat: " + e);
                    var i = e.getInstance();
                    String was = state.get(i.getSubsysname());
                    if (i.getChange() == InstanceChange.INSTANCE_CHANGE_STARTED) {
                        assertTrue(was == null || was.endsWith("inoperative"), "started twice: " + e);
                    }
                    state.put(i.getSubsysname(), i.getPid() + " " + word(i.getStatus()));
                }
                case DEFINITION, SUBSERVER -> assertEquals(next++, e.getSequence(), "no gap, no repeat: " + e);
                case KIND_NOT_SET -> throw new AssertionError(e);
            }
        }
        return state;
    }

    private static long activeIn(Map<String, String> model) {
        return model.values().stream().filter(v -> v.endsWith(" active")).count();
    }

    private static String word(Status status) {
        return switch (status) {
            case STATUS_ACTIVE -> "active";
            case STATUS_STOPPING -> "stopping";
            case STATUS_INOPERATIVE -> "inoperative";
            case STATUS_STARTING -> "starting";
            default -> status.name();
        };
    }
}
