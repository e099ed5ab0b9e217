package org.opensrc.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The .deb on this machine, as an admin uses it: {@code apt-get install} of version N, srcmstr from /usr/sbin on the
 * package's own Java runtime (a JAVA_HOME naming Java 17 is not looked at), subsystems defined and started with the
 * installed commands, {@code man} and completion; then {@code apt-get install} of N+1, which hands the running
 * subsystems over to the new srcmstr (every pid unchanged); {@code apt-get remove}, which stops srcmstr the AIX way and
 * leaves no process; {@code apt-get purge}, which removes the registry and the state. Root only: it installs into this
 * machine's /usr, /etc and /var, and purges the package again at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackageInstallIT {

    /** What a root shell started by init has: no JAVA_HOME, no JDK on the path; Java 17 named to show it is ignored. */
    static final Map<String, String> ADMIN =
            Map.of(
                    "PATH", "/usr/sbin:/usr/bin:/sbin:/bin",
                    "LANG", "C.UTF-8",
                    "HOME", "/root",
                    "JAVA_HOME", "/usr/lib/jvm/java-17-openjdk-amd64",
                    "DEBIAN_FRONTEND", "noninteractive");

    static final String GROUP = "pkgit";
    static final List<String> SUBSYSTEMS = List.of("pkgit_one", "pkgit_two");

    private Process firstSrcmstr;
    private Map<String, Long> pidsBefore = Map.of();
    private final List<Long> seen = new ArrayList<>();
    private Path scratch;

    @BeforeAll
    void onlyAsRootAndOnlyWhereOpensrcIsNotInstalled() throws IOException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "installs packages: root only");
        Shell.Result status = Shell.run("dpkg-query", "-W", "-f", "${db:Status-Status}", "opensrc");
        Assumptions.assumeFalse(
                status.status() == 0 && !status.out().equals("not-installed"),
                "opensrc is installed on this machine (" + status.out() + "): this test leaves it alone");
        scratch = Files.createTempDirectory("opensrc-pkgit-");
    }

    @AfterAll
    void purgeWhatIsLeft() {
        if (scratch == null) {
            return;
        }
        Shell.clean(ADMIN, "apt-get", "purge", "-y", "-q", "opensrc");
        if (firstSrcmstr != null) {
            firstSrcmstr.destroyForcibly();
        }
        seen.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        Shell.run("rm", "-rf", scratch.toString());
    }

    @Test
    @Order(1)
    void installedSrcmstrRunsOnThePackagesOwnJavaRuntime() throws Exception {
        Shell.Result install = Shell.clean(ADMIN, "apt-get", "install", "-y", "-q", Packages.deb().toString());
        assertEquals(0, install.status(), install.toString());
        assertEquals(Packages.VERSION, Shell.run("dpkg-query", "-W", "-f", "${Version}", "opensrc").ok().out());

        ProcessBuilder pb =
                new ProcessBuilder("/usr/sbin/srcmstr")
                        .redirectOutput(scratch.resolve("srcmstr.out").toFile())
                        .redirectError(scratch.resolve("srcmstr.err").toFile());
        pb.environment().clear();
        pb.environment().putAll(ADMIN);
        firstSrcmstr = pb.start();
        Shell.clean(ADMIN, "/usr/lib/opensrc/lib/srcmstr-wait-ready", "60").ok();
        long pid = srcmstrPid();
        assertEquals(firstSrcmstr.pid(), pid);
        assertRunsOnTheBundledRuntime(pid);
    }

    @Test
    @Order(2)
    void theInstalledCommandsManPagesAndCompletionWork() {
        for (String name : SUBSYSTEMS) {
            Shell.clean(
                            ADMIN,
                            "mkssys",
                            "-s",
                            name,
                            "-p",
                            "/bin/sleep",
                            "-a",
                            "3600",
                            "-u",
                            "0",
                            "-G",
                            GROUP,
                            "-S",
                            "-n",
                            "15",
                            "-f",
                            "9")
                    .ok();
        }
        Shell.Result started = Shell.clean(ADMIN, "startsrc", "-g", GROUP).ok();
        assertTrue(started.out().contains("0513-059"), started.toString());
        pidsBefore = groupPids();
        assertEquals(SUBSYSTEMS.size(), pidsBefore.size(), pidsBefore.toString());
        seen.addAll(pidsBefore.values());
        assertTrue(
                Shell.clean(ADMIN, "lssrc", "--version")
                        .ok()
                        .out()
                        .startsWith("lssrc (OpenSRC) " + Packages.POM_VERSION));

        Map<String, String> man = new HashMap<>(ADMIN);
        man.put("MANWIDTH", "80");
        man.put("MANPAGER", "cat");
        Shell.Result page = Shell.clean(man, "man", "lssrc").ok();
        assertTrue(page.out().contains("lssrc - status of subsystems"), page.toString());
        assertTrue(Shell.clean(man, "man", "8", "srcmstr").ok().out().contains("srcmstr - "));

        // bash-completion loads /usr/share/bash-completion/completions/NAME on the first TAB after NAME
        String complete =
                """
                . /usr/share/bash-completion/completions/stopsrc
                COMP_WORDS=(stopsrc -s ''); COMP_CWORD=2; COMP_LINE='stopsrc -s '; COMP_POINT=${#COMP_LINE}
                $(complete -p stopsrc | sed 's/.*-F \\([^ ]*\\) .*/\\1/') stopsrc '' -s
                printf '%s\\n' "${COMPREPLY[@]}"
                """;
        Shell.Result names = Shell.clean(ADMIN, "bash", "--norc", "--noprofile", "-c", complete).ok();
        for (String name : SUBSYSTEMS) {
            assertTrue(names.out().lines().toList().contains(name), names.toString());
        }
    }

    @Test
    @Order(3)
    void upgradingHandsEverySubsystemToTheNewSrcmstrWithoutRestartingIt() throws Exception {
        long before = srcmstrPid();
        Path next = nextVersion();
        Shell.Result upgrade = Shell.clean(ADMIN, "apt-get", "install", "-y", "-q", next.toString());
        assertEquals(0, upgrade.status(), upgrade.toString());
        assertTrue(upgrade.out().contains("handing over from srcmstr " + before), upgrade.toString());
        assertEquals(
                Packages.VERSION + "+next", Shell.run("dpkg-query", "-W", "-f", "${Version}", "opensrc").ok().out());

        assertTrue(firstSrcmstr.waitFor(60, TimeUnit.SECONDS));
        assertEquals(75, firstSrcmstr.exitValue(), "the old srcmstr left on SIGUSR2, nothing stopped");
        long after = srcmstrPid();
        assertNotEquals(before, after);
        assertRunsOnTheBundledRuntime(after);
        seen.add(after);

        assertEquals(pidsBefore, groupPids(), "the same processes, re-adopted");
        for (long pid : pidsBefore.values()) {
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "subsystem " + pid + " alive");
        }
        assertTrue(Shell.clean(ADMIN, "loadsrcdefs", "--version").ok().out().contains(Packages.POM_VERSION + "+next"));
        // and the new srcmstr supervises them: a stop works
        Shell.clean(ADMIN, "stopsrc", "-s", SUBSYSTEMS.get(0)).ok();
        awaitGone(pidsBefore.get(SUBSYSTEMS.get(0)));
    }

    @Test
    @Order(4)
    void removingStopsSrcmstrAndEverySubsystemAndKeepsTheRegistry() {
        long srcmstr = srcmstrPid();
        Shell.Result remove = Shell.clean(ADMIN, "apt-get", "remove", "-y", "-q", "opensrc");
        assertEquals(0, remove.status(), remove.toString());
        assertFalse(ProcessHandle.of(srcmstr).map(ProcessHandle::isAlive).orElse(false), "srcmstr gone");
        for (long pid : pidsBefore.values()) {
            assertFalse(isSleep(pid), "subsystem " + pid + " gone");
        }
        assertFalse(Files.exists(Path.of("/usr/bin/lssrc")));
        assertTrue(Files.exists(Path.of("/etc/src/SRCsubsys.json")), "the registry is configuration: kept");
        assertTrue(Files.exists(Path.of("/etc/src/srcmstr.conf")));
    }

    @Test
    @Order(5)
    void purgingRemovesRegistryStateAndLogs() {
        Shell.Result purge = Shell.clean(ADMIN, "apt-get", "purge", "-y", "-q", "opensrc");
        assertEquals(0, purge.status(), purge.toString());
        for (String path : List.of("/etc/src", "/var/lib/src", "/var/log/src", "/usr/lib/opensrc")) {
            assertFalse(Files.exists(Path.of(path)), path);
        }
    }

    /** N+1: the same payload with a higher version, which lib/version shows. */
    private Path nextVersion() throws IOException {
        Path dir = scratch.resolve("next");
        Shell.run("dpkg-deb", "-R", Packages.deb().toString(), dir.toString()).ok();
        Path control = dir.resolve("DEBIAN/control");
        Files.writeString(
                control,
                Files.readString(control)
                        .replace("Version: " + Packages.VERSION + "\n", "Version: " + Packages.VERSION + "+next\n"));
        Path version = dir.resolve("usr/lib/opensrc/lib/version");
        Files.writeString(version, Packages.POM_VERSION + "+next\n");
        Shell.run(
                        "sh",
                        "-c",
                        "cd \"$0\" && sed -i '/ usr\\/lib\\/opensrc\\/lib\\/version$/d' DEBIAN/md5sums && md5sum usr/lib/opensrc/lib/version >> DEBIAN/md5sums",
                        dir.toString())
                .ok();
        Path deb = scratch.resolve("opensrc_" + Packages.VERSION + "+next_amd64.deb");
        Shell.run("dpkg-deb", "--root-owner-group", "-Zgzip", "-z1", "-b", dir.toString(), deb.toString()).ok();
        return deb;
    }

    private static long srcmstrPid() {
        try {
            return Long.parseLong(Files.readString(Path.of("/run/src/srcmstr.lock")).strip());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertRunsOnTheBundledRuntime(long pid) throws IOException {
        Path exe = Path.of("/proc/" + pid + "/exe").toRealPath();
        assertEquals(Path.of("/usr/lib/opensrc/runtime/bin/java"), exe);
        String maps = Files.readString(Path.of("/proc/" + pid + "/maps"));
        assertTrue(maps.contains("/usr/lib/opensrc/runtime/lib/server/libjvm.so"));
        assertFalse(maps.contains("/usr/lib/jvm/"), "nothing of /usr/lib/jvm is mapped");
    }

    /** The group's subsystems and their pids, from lssrc -g. */
    private static Map<String, Long> groupPids() {
        Map<String, Long> pids = new HashMap<>();
        for (String line : Shell.clean(ADMIN, "lssrc", "-g", GROUP).ok().out().lines().skip(1).toList()) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 4 && f[3].equals("active")) {
                pids.put(f[0], Long.parseLong(f[2]));
            }
        }
        return pids;
    }

    private static boolean isSleep(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/cmdline")).startsWith("/bin/sleep");
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitGone(long pid) throws InterruptedException {
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(60, TimeUnit.SECONDS).join());
        assertFalse(isSleep(pid));
    }
}
