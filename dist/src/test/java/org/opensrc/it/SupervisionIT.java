package org.opensrc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** startsrc / stopsrc / lssrc on real processes through the built launchers. */
class SupervisionIT {

    static SrcRoot src;
    static final Pattern STARTED =
            Pattern.compile("0513-059 The (\\S+) Subsystem has been started\\. Subsystem PID is (\\d+)\\.");

    @BeforeAll
    static void start() throws Exception {
        src = SrcRoot.start();
    }

    @AfterAll
    static void stop() throws Exception {
        src.close();
    }

    static Path script(String name, String body) throws Exception {
        Path p = src.root.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    static int startedPid(SrcRoot.Result r) {
        Matcher m = STARTED.matcher(r.out());
        assertTrue(m.find(), r.toString());
        return Integer.parseInt(m.group(2));
    }

    static boolean alive(int pid) {
        Path stat = Path.of("/proc/" + pid + "/stat");
        try {
            return Files.exists(stat) && !Files.readString(stat).replaceFirst("^.*\\) ", "").startsWith("Z");
        } catch (Exception e) {
            return false;
        }
    }

    static String statusOf(String name) {
        var r = src.run("lssrc", "-s", name);
        List<String> lines = r.lines();
        return lines.size() > 1 ? lines.get(1).substring(48).trim() : r.toString();
    }

    @Test
    void startLssrcAndCancelLeaveNoProcessOfTheTreeBehind() throws Exception {
        Path daemon = script("tree.sh", "sleep 300 & sleep 300 & trap '' TERM; while :; do sleep 1; done");
        assertEquals(
                0,
                src.run(
                                "mkssys",
                                "-s",
                                "tree",
                                "-p",
                                daemon.toString(),
                                "-u",
                                "0",
                                "-S",
                                "-n",
                                "15",
                                "-f",
                                "9",
                                "-G",
                                "trees",
                                "-w",
                                "1")
                        .status());
        var started = src.run("startsrc", "-g", "trees");
        int pid = startedPid(started);
        var lssrc = src.run("lssrc", "-g", "trees");
        assertEquals(
                List.of(
                        "Subsystem         Group            PID          Status",
                        String.format(" %-17s%-17s%-13s%s", "tree", "trees", pid, "active")),
                lssrc.lines());
        SrcRoot.await(Duration.ofSeconds(10), () -> longLived(children(pid)).size() >= 2, "the two sleeps");
        // only the two long sleeps: the loop's "sleep 1" may end before lssrc looks
        List<Integer> tree = longLived(children(pid));
        String json = src.run("lssrc", "-s", "tree", "--json").out().replaceAll("\\s", "");
        for (int member : tree) {
            assertTrue(json.matches("(?s).*\"tree_pids\":\\[[0-9,]*\\b" + member + "\\b.*"), member + " in " + json);
        }
        var cancel = src.run("stopsrc", "-c", "-s", "tree");
        assertEquals("0513-044 The tree Subsystem was requested to stop.\n", cancel.out(), cancel.toString());
        SrcRoot.await(
                Duration.ofSeconds(15),
                () -> !alive(pid) && tree.stream().noneMatch(SupervisionIT::alive),
                "the whole tree to die");
        SrcRoot.await(Duration.ofSeconds(5), () -> statusOf("tree").equals("inoperative"), "inoperative");
    }

    @Test
    void respawnStopsAfterTwoRestartsWithinWaittimeAndRunsTheNotifyMethod() throws Exception {
        Path marker = src.root.resolve("notified.txt");
        Path notify = script("notify.sh", "echo \"$1 $2\" >> " + marker);
        Path dies = script("dies.sh", "exit 0");
        assertEquals(
                0,
                src.run("mkssys", "-s", "dies", "-p", dies.toString(), "-u", "0", "-R", "-w", "30", "-G", "flaky")
                        .status());
        assertEquals(0, src.run("mknotify", "-n", "dies", "-m", notify.toString()).status());
        startedPid(src.run("startsrc", "-s", "dies"));
        SrcRoot.await(Duration.ofSeconds(15), () -> Files.exists(marker), "the notify method");
        SrcRoot.await(
                Duration.ofSeconds(5),
                () -> {
                    try {
                        return Files.readString(marker).equals("dies flaky\n");
                    } catch (Exception e) {
                        return false;
                    }
                },
                "notify arguments");
        assertEquals("inoperative", statusOf("dies"));
        String log = src.log();
        assertEquals(2, count(log, "0513-035"), log);
        assertTrue(log.contains("0513-020 The dies Subsystem did not end normally."), log);
    }

    @Test
    void aSecondStartOfASingleInstanceSubsystemIsRefused() throws Exception {
        assertEquals(
                0,
                src.run(
                                "mkssys",
                                "-s",
                                "single",
                                "-p",
                                "/bin/sleep",
                                "-a",
                                "300",
                                "-u",
                                "0",
                                "-S",
                                "-n",
                                "15",
                                "-f",
                                "9")
                        .status());
        startedPid(src.run("startsrc", "-s", "single"));
        var again = src.run("startsrc", "-s", "single");
        assertEquals(1, again.status());
        assertEquals(
                "0513-029 The single Subsystem is already active.\nMultiple instances are not supported.\n",
                again.out());
        assertEquals(
                "0513-044 The single Subsystem was requested to stop.\n", src.run("stopsrc", "-s", "single").out());
        SrcRoot.await(Duration.ofSeconds(10), () -> statusOf("single").equals("inoperative"), "stop");
        var stopped = src.run("stopsrc", "-s", "single");
        assertEquals("0513-004 The Subsystem or Group, single, is currently inoperative.\n", stopped.out());
    }

    @Test
    void aDaemonThatForksIntoTheBackgroundIsFollowed() throws Exception {
        Path forks = script("forks.sh", "(sleep 300 &) ; exit 0");
        assertEquals(
                0,
                src.run(
                                "mkssys",
                                "-s",
                                "forks",
                                "-p",
                                forks.toString(),
                                "-u",
                                "0",
                                "-S",
                                "-n",
                                "15",
                                "-f",
                                "9",
                                "-w",
                                "1")
                        .status());
        int first = startedPid(src.run("startsrc", "-s", "forks"));
        SrcRoot.await(Duration.ofSeconds(10), () -> !alive(first), "the parent to exit");
        SrcRoot.await(
                Duration.ofSeconds(10),
                () -> {
                    var r = src.run("lssrc", "-s", "forks");
                    return r.lines().size() > 1
                            && r.lines().get(1).contains("active")
                            && !r.lines().get(1).contains(" " + first + " ");
                },
                "the background sleep to be followed");
        src.run("stopsrc", "-c", "-s", "forks");
        SrcRoot.await(Duration.ofSeconds(10), () -> statusOf("forks").equals("inoperative"), "cancel");
    }

    @Test
    void aSubsystemRunsAsTheUserOfItsDefinition() throws Exception {
        Path shared = Files.createDirectories(src.root.resolve("shared"));
        Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Path out = shared.resolve("whoami.txt");
        Path who = script("who.sh", "id -un > " + out + "; exec sleep 300");
        assertEquals(
                0,
                src.run("mkssys", "-s", "who", "-p", who.toString(), "-u", "nobody", "-S", "-n", "15", "-f", "9")
                        .status());
        startedPid(src.run("startsrc", "-s", "who"));
        SrcRoot.await(Duration.ofSeconds(10), () -> Files.exists(out), "the script");
        SrcRoot.await(
                Duration.ofSeconds(5),
                () -> {
                    try {
                        return Files.readString(out).equals("nobody\n");
                    } catch (Exception e) {
                        return false;
                    }
                },
                "nobody");
        src.run("stopsrc", "-f", "-s", "who");
    }

    @Test
    void fiftySubsystemsStartWithOneStartsrcG() throws Exception {
        for (int i = 0; i < 50; i++) {
            var r =
                    src.run(
                            "mkssys",
                            "-s",
                            "many" + i,
                            "-p",
                            "/bin/sleep",
                            "-a",
                            "300",
                            "-u",
                            "0",
                            "-G",
                            "fifty",
                            "-S",
                            "-n",
                            "15",
                            "-f",
                            "9");
            assertEquals(0, r.status(), r.toString());
        }
        var started = src.run("startsrc", "-g", "fifty");
        assertEquals(0, started.status(), started.toString());
        assertEquals(50, count(started.out(), "0513-059"));
        var listed = src.run("lssrc", "-g", "fifty");
        assertEquals(51, listed.lines().size());
        assertTrue(listed.lines().stream().skip(1).allMatch(l -> l.endsWith("active")), listed.out());
        var stopped = src.run("stopsrc", "-g", "fifty");
        assertEquals(50, count(stopped.out(), "0513-044"));
    }

    @Test
    void stopsrcWaitReturnsOnlyWhenTheSubsystemHasEnded() throws Exception {
        Path slow = script("slow.sh", "trap 'sleep 1; exit 0' TERM; while :; do sleep 0.1; done");
        assertEquals(
                0,
                src.run("mkssys", "-s", "slow", "-p", slow.toString(), "-u", "0", "-S", "-n", "15", "-f", "9")
                        .status());
        int pid = startedPid(src.run("startsrc", "-s", "slow"));
        var r = src.run("stopsrc", "--wait=20", "-s", "slow");
        assertEquals(0, r.status(), r.toString());
        assertTrue(!alive(pid));
        assertEquals("inoperative", statusOf("slow"));
    }

    @Test
    void spawnFailuresAnswerWithTheAixMessageAndLeaveNothingRunning() throws Exception {
        src.run("mkssys", "-s", "missing", "-p", "/no/such/program", "-u", "0");
        var r = src.run("startsrc", "-s", "missing");
        assertEquals(1, r.status(), r.toString());
        assertEquals(
                "0513-015 The missing Subsystem could not be started.\nPlease check subsystem resources and try again later.\n",
                r.out());
        src.run("mkssys", "-s", "badout", "-p", "/bin/true", "-u", "0", "-o", "/no/such/dir/out.log");
        var out = src.run("startsrc", "-s", "badout");
        assertTrue(out.out().startsWith("0513-047 The badout Subsystem could not be started. \n"), out.toString());
        assertEquals("inoperative", statusOf("missing"));
        assertEquals("inoperative", statusOf("badout"));
    }

    @Test
    void hiddenSubsystemsAreLeftOutOfLssrcAButNotOfLssrcS() throws Exception {
        src.run("mkssys", "-s", "hidden", "-p", "/bin/true", "-u", "0", "-D");
        assertTrue(src.run("lssrc", "-a").lines().stream().noneMatch(l -> l.startsWith(" hidden ")));
        assertEquals("inoperative", statusOf("hidden"));
    }

    @Test
    void sigtermToSrcmstrStopsEverySubsystemBeforeItExits() throws Exception {
        try (SrcRoot own = SrcRoot.start()) {
            own.run(
                    "mkssys",
                    "-s",
                    "stubborn",
                    "-p",
                    "/bin/sh",
                    "-a",
                    "-c 'trap \"\" TERM; while :; do sleep 1; done'",
                    "-u",
                    "0",
                    "-S",
                    "-n",
                    "15",
                    "-f",
                    "9",
                    "-w",
                    "1");
            int pid = startedPid(own.run("startsrc", "-s", "stubborn"));
            assertEquals(0, own.stopSrcmstr());
            assertTrue(!alive(pid), "the subsystem that ignores SIGTERM is killed after waittime");
        }
    }

    @Test
    void aMultiInstanceSubsystemRunsTwiceAndStopsrcSStopsEveryInstance() throws Exception {
        src.run("mkssys", "-s", "multi", "-p", "/bin/sleep", "-a", "300", "-u", "0", "-q", "-S", "-n", "15", "-f", "9");
        int first = startedPid(src.run("startsrc", "-s", "multi"));
        int second = startedPid(src.run("startsrc", "-s", "multi"));
        assertEquals(3, src.run("lssrc", "-s", "multi").lines().size());
        var ambiguous = src.run("lssrc", "-l", "-s", "multi");
        assertEquals(1, ambiguous.status());
        var stopped = src.run("stopsrc", "-s", "multi");
        assertEquals(
                2, count(stopped.out(), "0513-044 The multi Subsystem was requested to stop."), stopped.toString());
        SrcRoot.await(Duration.ofSeconds(10), () -> !alive(first) && !alive(second), "both instances to end");
    }

    private static List<Integer> longLived(List<Integer> pids) {
        return pids.stream()
                .filter(
                        p -> {
                            try {
                                return Files.readString(Path.of("/proc/" + p + "/cmdline"))
                                        .replace('\0', ' ')
                                        .trim()
                                        .equals("sleep 300");
                            } catch (java.io.IOException e) {
                                return false;
                            }
                        })
                .toList();
    }

    private static List<Integer> children(int pid) {
        try (var dirs = Files.list(Path.of("/proc"))) {
            return dirs.map(p -> p.getFileName().toString())
                    .filter(n -> n.chars().allMatch(Character::isDigit))
                    .map(Integer::parseInt)
                    .filter(
                            p -> {
                                try {
                                    String stat = Files.readString(Path.of("/proc/" + p + "/stat"));
                                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                                    return Integer.parseInt(f[1]) == pid || Integer.parseInt(f[3]) == pid;
                                } catch (Exception e) {
                                    return false;
                                }
                            })
                    .filter(p -> p != pid)
                    .toList();
        } catch (Exception e) {
            return List.of();
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** The short-status lines of {@code lssrc args} (header left out), blanks squeezed: "name group pid status". */
    static List<String> rows(String... args) {
        var r = src.run("lssrc", args);
        assertEquals(0, r.status(), r.toString());
        return r.lines().stream().skip(1).map(line -> line.trim().replaceAll(" +", " ")).toList();
    }

    @Test
    void aDefinitionChangedWhileItRunsIsListedTwiceUntilTheOldInstanceStops() throws Exception {
        assertEquals(
                0,
                src.run(
                                "mkssys",
                                "-s",
                                "twice",
                                "-p",
                                "/bin/sleep",
                                "-a",
                                "300",
                                "-u",
                                "0",
                                "-S",
                                "-n",
                                "15",
                                "-f",
                                "9",
                                "-G",
                                "before")
                        .status());
        int pid = startedPid(src.run("startsrc", "-s", "twice"));
        assertEquals(List.of("twice before " + pid + " active"), rows("-s", "twice"));

        assertEquals("0513-077 Subsystem has been changed.\n", src.run("chssys", "-s", "twice", "-a", "301").out());
        assertEquals(List.of("twice before " + pid + " active", "twice before inoperative"), rows("-s", "twice"));

        assertEquals("0513-077 Subsystem has been changed.\n", src.run("chssys", "-s", "twice", "-G", "after").out());
        assertEquals(List.of("twice before " + pid + " active"), rows("-g", "before"));
        assertEquals(List.of("twice after inoperative"), rows("-g", "after"));
        List<String> all = rows("-a");
        assertTrue(
                all.contains("twice before " + pid + " active") && all.contains("twice after inoperative"),
                all.toString());

        var again = src.run("startsrc", "-s", "twice");
        assertEquals(1, again.status(), again.toString());
        assertTrue(
                (again.out() + again.err()).contains("0513-029 The twice Subsystem is already active."),
                again.toString());

        assertEquals("0513-044 The twice Subsystem was requested to stop.\n", src.run("stopsrc", "-g", "before").out());
        SrcRoot.await(Duration.ofSeconds(10), () -> !alive(pid), "the old instance to end");
        SrcRoot.await(
                Duration.ofSeconds(10),
                () -> rows("-s", "twice").equals(List.of("twice after inoperative")),
                "one line");
        int renewed = startedPid(src.run("startsrc", "-s", "twice"));
        assertEquals(List.of("twice after " + renewed + " active"), rows("-s", "twice"));
        assertTrue(Files.readString(Path.of("/proc/" + renewed + "/cmdline")).contains("301"), "started with -a 301");
        src.run("stopsrc", "-s", "twice");
    }
}
