package org.opensrc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Every command waits a bounded time (issue 10, item 4): a srcmstr that does not answer gives 0513-056. */
class CommandTimeoutIT {

    private static final String TIMEOUT = "0513-056 Timeout waiting for command response.\n";

    /** Listens on argv[1] like srcmstr, accepts every connection, reads it, and never answers. */
    private static final String MUTE =
            """
            import os, socket, sys, threading
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.bind(sys.argv[1])
            os.chmod(sys.argv[1], 0o666)
            s.listen(16)
            print("listening", flush=True)
            def drain(c):
                while c.recv(65536):
                    pass
            while True:
                c, _ = s.accept()
                threading.Thread(target=drain, args=(c,), daemon=True).start()
            """;

    @Test
    void aSrcmstrThatAcceptsButNeverAnswersEndsEveryCommandWith056() throws Exception {
        try (SrcRoot src = SrcRoot.empty()) {
            Files.createDirectories(src.socket().getParent());
            Path script = src.root.resolve("mute.py");
            Files.writeString(script, MUTE);
            Process mute =
                    new ProcessBuilder("/usr/bin/python3", script.toString(), src.socket().toString())
                            .redirectErrorStream(true)
                            .start();
            try {
                assertEquals(
                        "listening",
                        new java.io.BufferedReader(new java.io.InputStreamReader(mute.getInputStream())).readLine());
                for (List<String> command :
                        List.of(
                                List.of("lssrc", "-a"),
                                List.of("stopsrc", "-s", "x"),
                                List.of("startsrc", "--wait=1", "-s", "x"))) {
                    var result =
                            src.runWith(
                                    Map.of("SRC_TIMEOUT", "2"),
                                    command.getFirst(),
                                    command.subList(1, command.size()).toArray(String[]::new));
                    assertEquals(1, result.status(), command + "\n" + result);
                    assertEquals(TIMEOUT, result.out(), command + "\n" + result);
                }
                // As on AIX, where mkssys writes the ODM whatever srcmstr does: a definition made on the files
                // themselves once the connection is not ready in time.
                var made = src.runWith(Map.of("SRC_TIMEOUT", "2"), "mkssys", "-s", "x", "-p", "/bin/true", "-u", "0");
                assertEquals(0, made.status(), made.toString());
                assertEquals("0513-071 The x Subsystem has been added.\n", made.out(), made.toString());
                assertTrue(Files.readString(src.root.resolve("etc/src/SRCsubsys.json")).contains("\"x\""));
            } finally {
                mute.destroy();
                mute.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aStoppedSrcmstrEndsTheCommandWith056AndAnswersAgainWhenContinued() throws Exception {
        try (SrcRoot src = SrcRoot.start()) {
            long pid = src.srcmstr().pid();
            signal("-STOP", pid);
            try {
                var result = src.runWith(Map.of("SRC_TIMEOUT", "2"), "lssrc", "-a");
                assertEquals(1, result.status(), result.toString());
                assertEquals(TIMEOUT, result.out(), result.toString());
            } finally {
                signal("-CONT", pid);
            }
            SrcRoot.await(
                    Duration.ofSeconds(30), () -> src.run("lssrc", "-a").status() == 0, "srcmstr to answer again");
        }
    }

    @Test
    void aBadSrcTimeoutIsRefusedWithAMessageNamingIt() throws Exception {
        try (SrcRoot src = SrcRoot.start()) {
            var result = src.runWith(Map.of("SRC_TIMEOUT", "soon"), "lssrc", "-a");
            assertEquals(1, result.status(), result.toString());
            assertEquals("SRC_TIMEOUT: not a number of seconds from 1 to 86400: 'soon'\n", result.out());
        }
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("/bin/kill", signal, Long.toString(pid)).inheritIO().start().waitFor());
    }
}
