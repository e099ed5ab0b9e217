package org.opensrc.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packages' cut-down Java runtime (runtime-modules) runs everything OpenSRC does: the .deb's payload unpacked in a
 * scratch folder, srcmstr, inetd serving a real connection, the commands' plain, long and --json forms, all in a
 * private SRC_ROOT, each process's executable the payload's own java.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuntimeIT {

    private Path unpacked;
    private Path root;
    private Path bin;
    private Process srcmstr;
    private Map<String, String> env;

    @BeforeAll
    void unpackAndStartSrcmstr() throws Exception {
        unpacked = Files.createTempDirectory("opensrc-runtime-");
        Shell.run("dpkg-deb", "-x", Packages.deb().toString(), unpacked.toString()).ok();
        bin = unpacked.resolve("usr/lib/opensrc/bin");
        root = Files.createTempDirectory("opensrc-runtime-root-");
        env = Map.of("PATH", "/usr/bin:/bin", "SRC_ROOT", root.toString(), "LANG", "C.UTF-8");
        ProcessBuilder pb =
                new ProcessBuilder(bin.resolve("srcmstr").toString())
                        .redirectOutput(root.resolve("srcmstr.out").toFile())
                        .redirectError(root.resolve("srcmstr.err").toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        srcmstr = pb.start();
        Shell.clean(env, unpacked.resolve("usr/lib/opensrc/lib/srcmstr-wait-ready").toString(), "60").ok();
    }

    @AfterAll
    void stop() throws Exception {
        if (srcmstr != null) {
            srcmstr.destroy(); // SIGTERM: srcmstr stops every subsystem, then exits
            if (!srcmstr.waitFor(60, TimeUnit.SECONDS)) {
                srcmstr.destroyForcibly();
            }
        }
        Shell.run("rm", "-rf", unpacked.toString(), root.toString());
    }

    @Test
    void srcmstrInetdAndTheCommandsRunOnThePackagesOwnRuntime() throws Exception {
        Path java = unpacked.resolve("usr/lib/opensrc/runtime/bin/java").toRealPath();
        assertEquals(java, Path.of("/proc/" + srcmstr.pid() + "/exe").toRealPath());

        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/services"), "daytime\t" + port + "/tcp\n");
        Files.writeString(root.resolve("etc/inetd.conf"), "daytime stream tcp nowait root internal\n");
        command("mkssys", "-s", "inetd", "-p", bin.resolve("inetd").toString(), "-u", "0", "-G", "tcpip", "-K");
        String started = command("startsrc", "-s", "inetd");
        assertTrue(started.contains("0513-059"), started);
        long inetd = Long.parseLong(started.replaceAll("(?s).*Subsystem PID is (\\d+).*", "$1"));

        String daytime = daytime(port);
        assertTrue(daytime.matches("(?s)\\w{3} \\w{3} .*\\d{4}\\r?\\n"), daytime);
        // serving: the launcher (sh, then opensrc-run) has exec'd the payload's java by now
        assertEquals(java, Path.of("/proc/" + inetd + "/exe").toRealPath());
        assertTrue(command("lssrc", "-ls", "inetd").contains("daytime"), "inetd's long status lists its service");
        assertTrue(command("lssrc", "-a", "--json").contains("\"subsysname\": \"inetd\""));
        assertTrue(command("lssrc", "-S", "--json").contains("\"subsysname\" : \"inetd\""));
        assertTrue(command("odmget", "-q", "subsysname=inetd", "SRCsubsys").contains("subsysname = \"inetd\""));
        assertTrue(command("stopsrc", "-s", "inetd").contains("0513-044"));
    }

    @Test
    void smittyDrawsItsPanelsOnThePackagesOwnRuntime() throws Exception {
        command("mkssys", "-s", "shown", "-p", "/bin/sleep", "-a", "100", "-u", "0", "-S", "-n", "15", "-f", "9");
        String server = "opensrc-runtimeit-" + ProcessHandle.current().pid();
        try {
            Shell.clean(
                            Map.of("PATH", "/usr/bin:/bin", "TERM", "xterm"),
                            "tmux",
                            "-L",
                            server,
                            "new-session",
                            "-d",
                            "-x",
                            "80",
                            "-y",
                            "24",
                            "-e",
                            "SRC_ROOT=" + root,
                            "-e",
                            "LANG=C.UTF-8",
                            "-e",
                            "HOME=" + root,
                            bin.resolve("smitty") + " startssys")
                    .ok();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String screen = "";
            while (!screen.contains("[Entry Fields]") && System.nanoTime() < deadline) {
                Thread.sleep(200);
                screen = Shell.run("tmux", "-L", server, "capture-pane", "-p").out();
            }
            assertTrue(screen.contains("Start a Subsystem") && screen.contains("[Entry Fields]"), screen);
            long pane =
                    Long.parseLong(Shell.run("tmux", "-L", server, "display", "-p", "#{pane_pid}").ok().out().strip());
            assertEquals(
                    unpacked.resolve("usr/lib/opensrc/runtime/bin/java").toRealPath(),
                    Path.of("/proc/" + pane + "/exe").toRealPath());
        } finally {
            Shell.run("tmux", "-L", server, "kill-server");
        }
    }

    private String command(String name, String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = bin.resolve(name).toString();
        System.arraycopy(args, 0, argv, 1, args.length);
        return Shell.clean(env, argv).ok().out();
    }

    /** Connects until inetd listens (it binds after it answers startsrc), then reads the daytime line. */
    private static String daytime(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setSoTimeout(10_000);
                try (InputStream in = s.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                }
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }
}
