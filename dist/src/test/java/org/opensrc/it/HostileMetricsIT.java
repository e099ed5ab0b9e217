package org.opensrc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opensrc.srcmstr.metrics.MetricsServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * srcmstr's metrics listener ({@code metrics.listen}, plain HTTP on TCP) attacked as a local user would: a flood of
 * held connections, a request that is never finished, oversized headers. srcmstr runs as root and supervises
 * everything; whatever happens to its listener, its descriptors must stay bounded and the control socket must keep
 * answering. The attacker is {@code nobody}.
 */
class HostileMetricsIT {

    /**
     * Opens argv[2] TCP connections to 127.0.0.1:argv[1], one every 5 ms (the listener's queue is short: faster, the
     * kernel drops most of them before srcmstr sees them), for at most 60 s, and sends nothing; prints how many
     * connected, then holds them until stdin ends.
     */
    private static final String FLOOD =
            """
            import resource, socket, sys, time
            n = int(sys.argv[2])
            soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
            resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, n + 64), hard))
            held, deadline = [], time.monotonic() + 60
            for _ in range(n):
                if time.monotonic() > deadline:
                    break
                try:
                    held.append(socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5))
                except OSError:
                    pass
                time.sleep(0.005)
            print("connected", len(held), flush=True)
            sys.stdin.read()
            """;

    /**
     * Sends the first lines of a request to 127.0.0.1:argv[1] and no more; prints "closed" when the server closes the
     * connection, "open" if it has not after 40 s (four times the limit).
     */
    private static final String UNFINISHED =
            """
            import socket, sys
            s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
            s.sendall(b"GET /metrics HTTP/1.1\\r\\nHost: x\\r\\n")
            s.settimeout(40)
            try:
                while s.recv(4096):
                    pass
                print("closed", flush=True)
            except ConnectionError:
                print("closed", flush=True)
            except TimeoutError:
                print("open", flush=True)
            """;

    /**
     * Sends a request to 127.0.0.1:argv[1] whose headers are argv[2] bytes long; prints the status line of the answer,
     * or "refused" when the server closed the connection instead.
     */
    private static final String BIG_HEADERS =
            """
            import socket, sys
            s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
            s.settimeout(30)
            try:
                s.sendall(b"GET /metrics HTTP/1.1\\r\\nHost: x\\r\\nX-Big: " + b"a" * int(sys.argv[2]) + b"\\r\\n\\r\\n")
                answer = s.recv(4096)
            except ConnectionError:
                answer = b""
            print(answer.split(b"\\r\\n")[0].decode() if answer else "refused", flush=True)
            """;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void nobodyFloodingTheMetricsListenerIsHeldToItsCapAndSrcmstrKeepsSupervising() throws Exception {
        int port = LoopbackPort.free();
        try (SrcRoot src = withMetrics(port)) {
            // 512 descriptors: without a cap the flood below would take every one srcmstr has left
            src.startSrcmstrUnder(List.of("/usr/bin/prlimit", "--nofile=512:512", "--"), Map.of());
            long pid = src.srcmstr().pid();
            assertEquals(200, get(port, "/metrics").statusCode());
            int before = descriptors(pid);
            Process flood = asNobody(src, "flood.py", FLOOD, Integer.toString(port), "600");
            try {
                String connected = new BufferedReader(new InputStreamReader(flood.getInputStream())).readLine();
                int limit = before + MetricsServer.MAX_CONNECTIONS + 8;
                int during = mostDescriptors(pid, Duration.ofSeconds(2), limit);
                System.out.printf(
                        "metrics flood: %s; srcmstr descriptors before %d, during %d%n", connected, before, during);
                assertTrue(connected.startsWith("connected "), connected);
                assertTrue(
                        during <= limit,
                        "srcmstr held " + during + " descriptors under the flood, " + before + " before");
                var listing = src.run("lssrc", "-a");
                assertEquals(0, listing.status(), listing.toString());
                src.startRespawningSleeper("napper", "naps");
                var napper = src.run("lssrc", "-s", "napper");
                assertTrue(napper.out().contains("active"), napper.toString());
            } finally {
                flood.getOutputStream().close();
                flood.waitFor(30, TimeUnit.SECONDS);
            }
            // once the flood is gone the listener serves again
            HttpResponse<String> after = get(port, "/metrics");
            assertEquals(200, after.statusCode());
            assertTrue(after.body().contains("napper"), after.body());
        }
    }

    @Test
    void aRequestNeverFinishedIsClosedWithinTheRequestTimeLimit() throws Exception {
        int port = LoopbackPort.free();
        try (SrcRoot src = withMetrics(port)) {
            src.startSrcmstr();
            Process slow = asNobody(src, "unfinished.py", UNFINISHED, Integer.toString(port));
            assertEquals("closed", new BufferedReader(new InputStreamReader(slow.getInputStream())).readLine());
            assertEquals(200, get(port, "/metrics").statusCode());
        }
    }

    @Test
    void requestHeadersPastSixteenKilobytesAreRefused() throws Exception {
        int port = LoopbackPort.free();
        try (SrcRoot src = withMetrics(port)) {
            src.startSrcmstr();
            assertEquals("HTTP/1.1 200 OK", answerToHeadersOf(src, port, 1000));
            String big = answerToHeadersOf(src, port, 32 * 1024);
            assertTrue(big.equals("refused") || big.matches("HTTP/1\\.1 4[0-9][0-9] .*"), big);
            assertEquals(200, get(port, "/metrics").statusCode());
        }
    }

    @Test
    void theListenerQueuesABurstOfAsManyConnectionsAsItKeepsOpen() throws Exception {
        int port = LoopbackPort.free();
        try (SrcRoot src = withMetrics(port)) {
            src.startSrcmstr();
            // a listening socket's Send-Q, as ss shows it, is the backlog it was given
            Shell.Out ss = Shell.runWithInput("", "ss", "-ltnH", "sport = :" + port);
            assertEquals(0, ss.status(), ss.out());
            String listener = ss.out().strip();
            String[] columns = listener.split("\\s+");
            assertEquals("LISTEN", columns[0], listener);
            assertEquals(MetricsServer.MAX_CONNECTIONS, Integer.parseInt(columns[2]), listener);
            HttpResponse<String> healthy = get(port, "/-/healthy");
            assertEquals(200, healthy.statusCode());
        }
    }

    // ---- helpers

    private static String answerToHeadersOf(SrcRoot src, int port, int bytes) throws IOException {
        Process p = asNobody(src, "headers.py", BIG_HEADERS, Integer.toString(port), Integer.toString(bytes));
        return new BufferedReader(new InputStreamReader(p.getInputStream())).readLine();
    }

    private static SrcRoot withMetrics(int port) throws IOException {
        SrcRoot src = SrcRoot.empty();
        Files.createDirectories(src.root.resolve("etc/src"));
        Files.writeString(src.root.resolve("etc/src/srcmstr.conf"), "metrics.listen=127.0.0.1:" + port + "\n");
        return src;
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The most descriptors {@code pid} held, watched for {@code span} or until they went past {@code limit}. */
    private static int mostDescriptors(long pid, Duration span, int limit) throws IOException, InterruptedException {
        int most = 0;
        long end = System.nanoTime() + span.toNanos();
        while (System.nanoTime() < end && most <= limit) {
            most = Math.max(most, descriptors(pid));
            Thread.sleep(100);
        }
        return most;
    }

    private static int descriptors(long pid) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            return (int) fds.count();
        }
    }

    private static Process asNobody(SrcRoot src, String name, String script, String... args) throws IOException {
        return Attacker.python(src, Attacker.NOBODY, name, script, args);
    }
}
