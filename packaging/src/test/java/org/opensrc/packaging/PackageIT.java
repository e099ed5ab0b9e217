package org.opensrc.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The .deb and the .rpm as built: the distributions' layout, the same files in both, their own Java runtime, a man page
 * and a completion for every command, and no error from lintian or rpmlint.
 */
class PackageIT {

    /** "path" for files, "path/" for folders, "path -> target" for links, as dpkg-deb -c lists them. */
    static Set<String> debFiles() {
        Set<String> files = new TreeSet<>();
        Pattern line = Pattern.compile("^(\\S)\\S+ \\S+ +\\d+ \\S+ \\S+ \\./(\\S*?)(?: -> (\\S+))?$");
        for (String s : Shell.run("dpkg-deb", "-c", Packages.deb().toString()).ok().out().lines().toList()) {
            Matcher m = line.matcher(s);
            assertTrue(m.matches(), s);
            if (m.group(2).isEmpty()) {
                continue;
            }
            files.add(
                    switch (m.group(1)) {
                        case "l" -> "/" + m.group(2) + " -> " + m.group(3);
                        case "d" -> "/" + m.group(2).replaceFirst("/$", "");
                        default -> "/" + m.group(2);
                    });
        }
        return files;
    }

    static String debModes() {
        return Shell.run("dpkg-deb", "-c", Packages.deb().toString()).ok().out();
    }

    @Test
    void theCommandsAreOnThePathAndTheRestInUsrLibOpensrc() throws IOException {
        Set<String> files = debFiles();
        for (String launcher : Packages.launchers()) {
            String target = "../lib/opensrc/bin/" + launcher;
            switch (launcher) {
                case "inetd" -> {
                    assertTrue(files.contains("/usr/lib/opensrc/bin/inetd"));
                    assertFalse(files.stream().anyMatch(f -> f.startsWith("/usr/sbin/inetd")), "Debian's inetd path");
                }
                default -> assertTrue(files.contains(Packages.installedCommand(launcher) + " -> " + target), launcher);
            }
        }
        assertFalse(files.stream().anyMatch(f -> f.startsWith("/opt/")), "nothing in /opt");
    }

    @Test
    void itBringsItsOwnSmallJavaRuntimeAndTheCachesTrainedOnIt() {
        Set<String> files = debFiles();
        assertTrue(files.contains("/usr/lib/opensrc/runtime/bin/java"));
        assertTrue(files.contains("/usr/lib/opensrc/runtime/lib/server/libjvm.so"));
        for (String dropped : List.of("/usr/lib/opensrc/runtime/include", "/usr/lib/opensrc/runtime/man")) {
            assertFalse(files.stream().anyMatch(f -> f.startsWith(dropped)), dropped);
        }
        for (String cache : List.of("control", "definitions", "other", "json", "srcmstr")) {
            assertTrue(files.contains("/usr/lib/opensrc/lib/aot/" + cache + ".aot"), cache);
        }
        String launch = extract("./usr/lib/opensrc/lib/cli.launch");
        assertTrue(launch.contains("launch_java_home='/usr/lib/opensrc/runtime'"), launch);
        assertTrue(launch.contains("launch_lib='/usr/lib/opensrc/lib'"), launch);
        String modules = extract("./usr/lib/opensrc/runtime/release");
        assertTrue(modules.contains("java.base") && !modules.contains("java.desktop"), modules);
    }

    @Test
    void configurationStateLogsAndServicesAreWhereTheDistributionKeepsThem() {
        Set<String> files = debFiles();
        for (String path :
                List.of(
                        "/etc/src/srcmstr.conf",
                        "/etc/rc.tcpip",
                        "/etc/logrotate.d/opensrc",
                        "/usr/lib/tmpfiles.d/opensrc.conf",
                        "/lib/systemd/system/srcmstr.service",
                        "/lib/systemd/system/opensrc-tcpip.service",
                        "/var/lib/src",
                        "/var/log/src",
                        "/usr/share/doc/opensrc/copyright",
                        "/usr/share/doc/opensrc/changelog.gz",
                        "/usr/share/doc/opensrc/examples/inittab",
                        "/usr/share/doc/opensrc/examples/opensrc-alerts.yml")) {
            assertTrue(files.contains(path), path);
        }
        assertTrue(
                Pattern.compile("^drwx------ root/root +0 \\S+ \\S+ \\./var/lib/src/$", Pattern.MULTILINE)
                        .matcher(debModes())
                        .find(),
                "/var/lib/src is root's alone");
        String conffiles =
                Shell.run(
                                "sh",
                                "-c",
                                "dpkg-deb --ctrl-tarfile \"$0\" | tar -xOf - ./conffiles",
                                Packages.deb().toString())
                        .ok()
                        .out();
        assertEquals(
                Set.of("/etc/src/srcmstr.conf", "/etc/rc.tcpip", "/etc/logrotate.d/opensrc"),
                Set.copyOf(conffiles.lines().toList()));
        String unit = extract("./lib/systemd/system/srcmstr.service");
        assertTrue(unit.contains("ExecStart=/usr/sbin/srcmstr\n"), unit);
        assertTrue(unit.contains("ExecStartPost=/usr/lib/opensrc/lib/srcmstr-wait-ready 60"), unit);
        assertFalse(unit.contains("/opt/"), unit);
        assertTrue(extract("./lib/systemd/system/opensrc-tcpip.service").contains("ExecStart=/etc/rc.tcpip\n"));
        assertTrue(extract("./etc/rc.tcpip").contains("opensrc=${OPENSRC_HOME:-/usr/lib/opensrc}"));
        assertTrue(
                extract("./usr/share/doc/opensrc/examples/inittab").contains("srcmstr:2345:respawn:/usr/sbin/srcmstr"));
        assertTrue(extract("./usr/lib/tmpfiles.d/opensrc.conf").contains("d /run/src 0755 root root -"));
    }

    @Test
    void everyLauncherHasAManPageThatManReadsWithoutWarnings() throws IOException {
        Set<String> files = debFiles();
        Path unpacked = Files.createTempDirectory("opensrc-man-");
        try {
            Shell.run("dpkg-deb", "-x", Packages.deb().toString(), unpacked.toString()).ok();
            for (String launcher : Packages.launchers()) {
                String page = Packages.manPage(launcher);
                assertTrue(files.contains(page), page);
                Shell.Result shown =
                        Shell.run(
                                        Map.of("MANWIDTH", "80", "LC_ALL", "C.UTF-8"),
                                        "man",
                                        "--warnings",
                                        "-l",
                                        unpacked + page)
                                .ok();
                assertEquals("", shown.err(), page);
                String name = launcher.equals("inetd") ? "opensrc-inetd" : launcher;
                assertTrue(shown.out().contains("NAME\n       " + name + " - "), shown.out());
                assertTrue(shown.out().contains("OPTIONS"), page);
            }
        } finally {
            Shell.run("rm", "-rf", unpacked.toString());
        }
    }

    @Test
    void everyCommandCompletesUnderItsOwnName() throws IOException {
        Set<String> files = debFiles();
        assertTrue(files.contains("/usr/share/bash-completion/completions/startsrc"));
        for (String launcher : Packages.launchers()) {
            if (!Set.of("startsrc", "srcmstr", "inetd", "smitty", "smit").contains(launcher)) {
                String link = "/usr/share/bash-completion/completions/" + launcher + " -> startsrc";
                assertTrue(files.contains(link), link);
            }
        }
    }

    @Test
    void theRpmHoldsTheSameFilesAsTheDeb() {
        Set<String> deb = new TreeSet<>();
        for (String f : debFiles()) {
            String path = f.replaceFirst(" -> .*", "").replaceFirst("^/lib(/|$)", "/usr/lib$1");
            if (!path.startsWith("/usr/share/lintian")) {
                deb.add(path);
            }
        }
        Set<String> rpm =
                new TreeSet<>(Shell.run("rpm", "-qlp", Packages.rpm().toString()).ok().out().lines().toList());
        rpm.remove("/run/src");
        // dpkg-deb lists the folders that hold the files, rpm only the folders the package owns
        deb.removeIf(path -> !rpm.contains(path) && isParentOf(path, rpm));
        Set<String> onlyDeb = new TreeSet<>(deb);
        onlyDeb.removeAll(rpm);
        Set<String> onlyRpm = new TreeSet<>(rpm);
        onlyRpm.removeAll(deb);
        assertEquals(Set.of(), onlyDeb, "only in the .deb");
        assertEquals(Set.of(), onlyRpm, "only in the .rpm");
        String config = Shell.run("rpm", "-qcp", Packages.rpm().toString()).ok().out();
        assertEquals(
                Set.of("/etc/src/srcmstr.conf", "/etc/rc.tcpip", "/etc/logrotate.d/opensrc"),
                Set.copyOf(config.lines().toList()));
        String scripts = Shell.run("rpm", "-qp", "--scripts", Packages.rpm().toString()).ok().out();
        assertTrue(scripts.contains("srcmstr-service handover"), scripts);
        assertTrue(scripts.contains("srcmstr-service stop"), scripts);
    }

    private static boolean isParentOf(String path, Set<String> files) {
        return files.stream().anyMatch(f -> f.startsWith(path + "/"));
    }

    @Test
    void lintianReportsNoError() {
        Shell.Result lintian = Shell.slow("lintian", "--tag-display-limit", "0", Packages.deb().toString());
        List<String> errors = lintian.out().lines().filter(l -> l.startsWith("E:")).toList();
        assertEquals(List.of(), errors, lintian.toString());
        assertEquals(0, lintian.status(), lintian.toString());
    }

    @Test
    void rpmlintReportsNoError() {
        Shell.Result rpmlint =
                Shell.slow(
                        "rpmlint",
                        "-r",
                        Packages.SOURCES.resolve("rpm/rpmlintrc").toString(),
                        Packages.rpm().toString());
        assertTrue(rpmlint.out().contains(" 0 errors"), rpmlint.toString());
        assertEquals(0, rpmlint.status(), rpmlint.toString());
    }

    @Test
    void theCopyrightFileNamesEveryJarItCarries() throws IOException {
        String copyright = extract("./usr/share/doc/opensrc/copyright");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> jars = Files.list(Packages.TREE.resolve("lib"))) {
            for (String jar : jars.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).toList()) {
                String name = jar.replaceFirst("-[0-9].*$", "");
                if (!Pattern.compile("(^|[ (,])" + Pattern.quote(name) + "([ ,.)]|$)", Pattern.MULTILINE)
                        .matcher(copyright)
                        .find()) {
                    missing.add(jar);
                }
            }
        }
        assertEquals(List.of(), missing, copyright);
    }

    /** One file of the .deb's payload. */
    static String extract(String path) {
        return Shell.run(
                        "sh",
                        "-c",
                        "dpkg-deb --fsys-tarfile \"$0\" | tar -xOf - \"$1\"",
                        Packages.deb().toString(),
                        path)
                .ok()
                .out();
    }
}
