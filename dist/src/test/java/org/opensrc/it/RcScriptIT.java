package org.opensrc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A product's rc script written for AIX — {@code odmget -q … SRCsubsys} to see whether its subsystems are on file,
 * {@code mkssys} and an {@code odmadd} stanza to define them, {@code chsubserver -a … -r inetd} for its inetd service,
 * {@code lssrc -s} and {@code startsrc -s} to start what is not active — runs unchanged at install time with srcmstr
 * down (the definitions and the inetd.conf line are made, the starts answer 0513-001) and at boot with srcmstr up (the
 * definitions are found as they are, the subsystems start and the service answers on a real socket).
 */
class RcScriptIT {

    /**
     * The script as a vendor would ship it in {@code /etc/rc.greg}: plain sh, AIX commands found on PATH, nothing that
     * knows about OpenSRC. {@code @PKG@} and {@code @INETD@} are the install locations, filled in when it is written
     * (on AIX they would read {@code /usr/lpp/greg} and {@code /usr/sbin/inetd}).
     */
    private static final String RC_GREG =
            """
            #!/bin/sh
            # rc.greg -- defines and starts the Greg Corp. daemons (greg.rte).
            #
            # Run by the greg.rte post-install script and from /etc/inittab after srcmstr:
            #   rcgreg:2:wait:/etc/rc.greg >/dev/console 2>&1
            # Every step is skipped when already done, so it may be run any number of times.
            PKG=@PKG@
            INETD=@INETD@

            # inetd, defined as rc.tcpip expects it
            if [ -z "`odmget -q subsysname=inetd SRCsubsys`" ]; then
            	mkssys -s inetd -p $INETD -u 0 -G tcpip -K -R
            fi

            # gregd, from the product's SRC stanza
            if [ -z "$(odmget -q "subsysname = gregd" SRCsubsys)" ]; then
            	odmadd <<'!'
            SRCsubsys:
            	subsysname = "gregd"
            	synonym = ""
            	cmdargs = "-f @PKG@/etc/gregd.conf"
            	path = "@PKG@/bin/gregd"
            	uid = 0
            	standin = "/dev/null"
            	standout = "/dev/null"
            	standerr = "/dev/null"
            	action = 1
            	multi = 0
            	contact = 2
            	priority = 20
            	signorm = 15
            	sigforce = 9
            	display = 1
            	waittime = 20
            	grpname = "greg"
            !
            fi

            # gregserv, served by inetd (its port is in /etc/services)
            chsubserver -a -r inetd -v gregserv -p tcp -t stream -w nowait -u root -g $PKG/bin/gregserv gregserv

            # start whatever is not running ("active" at the end of its line: the 0513-001
            # answer, "...daemon is not active.", must not count)
            for subsys in inetd gregd
            do
            	lssrc -s $subsys | grep -q " active$" || startsrc -s $subsys
            done
            exit 0
            """;

    private static final String NOT_ACTIVE = "0513-001 The System Resource Controller daemon is not active.";

    private static final Pattern STARTED =
            Pattern.compile("0513-059 The (\\w+) Subsystem has been started\\. Subsystem PID is (\\d+)\\.");

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void anAixRcScriptDefinesWithSrcmstrDownAndStartsWithItUpUnchanged() throws Exception {
        try (SrcRoot src = SrcRoot.empty()) {
            int port = LoopbackPort.free();
            Path etc = Files.createDirectories(src.root.resolve("etc"));
            Files.writeString(etc.resolve("services"), "gregserv " + port + "/tcp\n");
            Path inetdConf = Files.writeString(etc.resolve("inetd.conf"), "# inetd.conf\n");
            Path pkg = installPackage(src.root.resolve("usr/lpp/greg"));
            Path script =
                    executable(
                            etc.resolve("rc.greg"),
                            RC_GREG.replace("@PKG@", pkg.toString())
                                    .replace("@INETD@", SrcRoot.TREE.resolve("bin/inetd").toString()));
            String scriptText = Files.readString(script);

            // install time: srcmstr is down
            var installed = runScript(src, script);
            assertEquals(
                    "status=0\n--- stdout\n0513-071 The inetd Subsystem has been added.\n"
                            + NOT_ACTIVE
                            + "\n"
                            + NOT_ACTIVE
                            + "\n--- stderr\n",
                    installed.toString());
            var inetd = src.run("lssrc", "-S", "-s", "inetd");
            assertTrue(
                    inetd.lines().get(1).startsWith("inetd:::" + SrcRoot.TREE.resolve("bin/inetd") + ":0:"),
                    inetd.toString());
            var gregd = src.run("odmget", "-q", "subsysname=gregd", "SRCsubsys");
            assertEquals(0, gregd.status(), gregd.toString());
            assertTrue(gregd.out().contains("\tpath = \"" + pkg.resolve("bin/gregd") + "\"\n"), gregd.toString());
            assertTrue(gregd.out().contains("\tgrpname = \"greg\"\n"), gregd.toString());
            String serviceLine = "gregserv\tstream\ttcp\tnowait\troot\t" + pkg.resolve("bin/gregserv") + "\tgregserv\n";
            assertEquals("# inetd.conf\n" + serviceLine, Files.readString(inetdConf));
            Map<String, String> registry = registry(src);
            assertTrue(registry.containsKey("SRCsubsys.json"), registry.keySet().toString());

            // boot time: srcmstr is up, the same script runs again
            src.startSrcmstr();
            var booted = runScript(src, script);
            assertEquals(0, booted.status(), booted.toString());
            assertEquals("", booted.err(), booted.toString());
            assertEquals(2, booted.lines().size(), booted.toString());
            assertStartedAndActive(src, booted.lines().get(0), "inetd", "tcpip");
            assertStartedAndActive(src, booted.lines().get(1), "gregd", "greg");
            assertEquals(scriptText, Files.readString(script));
            assertEquals(registry, registry(src), "the definitions found are left as they are");
            assertEquals("# inetd.conf\n" + serviceLine, Files.readString(inetdConf));

            src.awaitAttached("inetd");
            // a row of lssrc -ls inetd; a command longer than its column puts the rest on the next line
            Pattern listening =
                    Pattern.compile(
                            "\n gregserv\\s+"
                                    + Pattern.quote(pkg.resolve("bin/gregserv").toString())
                                    + "\\s+gregserv\\s+active\n");
            SrcRoot.await(
                    Duration.ofSeconds(60),
                    () -> listening.matcher(src.run("lssrc", "-ls", "inetd").out()).find(),
                    "inetd to listen for gregserv");
            assertEquals("gregserv: hello from " + port + "\n", exchange(port, "hello from " + port + "\n"));

            // run once more with everything active: nothing to do, nothing printed
            var again = runScript(src, script);
            assertEquals("status=0\n--- stdout\n--- stderr\n", again.toString());
            assertEquals(registry, registry(src));

            assertEquals(
                    "0513-044 The gregd Subsystem was requested to stop.\n", src.run("stopsrc", "-s", "gregd").out());
            assertEquals(
                    "0513-044 The inetd Subsystem was requested to stop.\n", src.run("stopsrc", "-s", "inetd").out());
        }
    }

    /** What greg.rte puts under {@code /usr/lpp/greg}: a daemon, an inetd server and the daemon's configuration. */
    private static Path installPackage(Path pkg) throws IOException {
        Files.createDirectories(pkg.resolve("bin"));
        Files.createDirectories(pkg.resolve("etc"));
        Files.writeString(pkg.resolve("etc/gregd.conf"), "# gregd.conf\n");
        executable(pkg.resolve("bin/gregd"), "#!/bin/sh\n# gregd -f CONFIG: the Greg Corp. daemon\nexec sleep 600\n");
        executable(
                pkg.resolve("bin/gregserv"),
                "#!/bin/sh\n# gregserv: answers one line on the connection inetd hands it\nread line\n"
                        + "echo \"gregserv: $line\"\n");
        return pkg;
    }

    private static Path executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /** Runs the script with the tree's commands first on PATH, as an admin's profile or the boot environment would. */
    private static SrcRoot.Result runScript(SrcRoot src, Path script) {
        return src.exec(
                List.of("/bin/sh", script.toString()),
                Map.of("PATH", SrcRoot.TREE.resolve("bin") + ":" + System.getenv("PATH")));
    }

    /**
     * Checks a {@code 0513-059} line, that {@code lssrc -s} shows the subsystem active with the pid it gave, and that
     * it runs.
     */
    private static void assertStartedAndActive(SrcRoot src, String line, String name, String group) {
        Matcher m = STARTED.matcher(line);
        assertTrue(m.matches(), line);
        assertEquals(name, m.group(1), line);
        var status = src.run("lssrc", "-s", name);
        assertEquals(0, status.status(), status.toString());
        assertTrue(
                status.lines().get(1).matches(" " + name + "\\s+" + group + "\\s+" + m.group(2) + "\\s+active"),
                status.toString());
        assertTrue(ProcessHandle.of(Long.parseLong(m.group(2))).map(ProcessHandle::isAlive).orElse(false), line);
    }

    /** The registry files by name and content. */
    private static Map<String, String> registry(SrcRoot src) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (var listing = Files.list(src.root.resolve("etc/src"))) {
            for (Path f : listing.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                files.put(f.getFileName().toString(), Files.readString(f));
            }
        }
        return files;
    }

    /** Sends {@code request} to 127.0.0.1:{@code port} and returns all the server answers until it closes. */
    private static String exchange(int port, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try (InputStream in = s.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
        }
    }
}
