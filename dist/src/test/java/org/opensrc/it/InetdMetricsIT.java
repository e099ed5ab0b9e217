package org.opensrc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * inetd's per-service counters on srcmstr's {@code /metrics}: a real srcmstr and a real inetd (attached over the
 * subsystem API), real TCP connections to its internal services, and the scraped text checked by {@code promtool}.
 */
class InetdMetricsIT {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final Duration LIMIT = Duration.ofSeconds(60);

    static SrcRoot src;
    static int metricsPort;
    static int daytime;
    static int discard;
    static int time;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        metricsPort = LoopbackPort.free();
        daytime = LoopbackPort.free();
        discard = LoopbackPort.free();
        time = LoopbackPort.free();
        src = SrcRoot.empty();
        Path etc = Files.createDirectories(src.root.resolve("etc"));
        Files.createDirectories(etc.resolve("src"));
        Files.writeString(etc.resolve("src/srcmstr.conf"), "metrics.listen=127.0.0.1:" + metricsPort + "\n");
        src.startSrcmstr();
        Files.writeString(
                etc.resolve("services"),
                String.join(
                        "\n",
                        "daytime " + daytime + "/tcp",
                        "discard " + discard + "/tcp",
                        "time " + time + "/tcp",
                        ""));
        // discard refuses everybody; time takes 2 connections a minute from one address
        Files.writeString(etc.resolve("hosts.deny"), "discard: ALL\n");
        Files.writeString(
                etc.resolve("inetd.conf"),
                String.join(
                        "\n",
                        "daytime stream tcp nowait     root internal",
                        "discard stream tcp nowait     root internal",
                        "time    stream tcp nowait/0/2 root internal",
                        ""));
        src.defineInetd(Map.of("daytime", 13, "discard", 9, "time", 37));
        var started = src.run("startsrc", "-s", "inetd");
        assertEquals(0, started.status(), started.toString());
        src.awaitAttached("inetd");
    }

    @AfterAll
    static void stop() throws Exception {
        src.close();
    }

    /** Connects, reads until inetd closes the connection, and returns how many bytes came. */
    private static int connectAndReadAll(int port) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            try (InputStream in = s.getInputStream()) {
                return in.readAllBytes().length;
            }
        }
    }

    private static String scrape() throws IOException, InterruptedException {
        HttpResponse<String> r =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    /** The value of the one sample of {@code family} for {@code service}, if the text has it. */
    private static Optional<String> sample(String text, String family, String service) {
        Matcher m =
                Pattern.compile(
                                "(?m)^"
                                        + Pattern.quote(family)
                                        + "\\{address=\"\\*\",protocol=\"tcp\",service=\""
                                        + Pattern.quote(service)
                                        + "\",subsystem=\"inetd\"} (\\S+)$")
                        .matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static long inetdPid() {
        var r = src.run("lssrc", "-s", "inetd");
        return Long.parseLong(r.lines().get(1).substring(35, 47).trim());
    }

    @Test
    void theCountersOfEachServiceAreTheConnectionsMadeAndPromtoolAcceptsTheText() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertTrue(connectAndReadAll(daytime) > 0, "daytime answers");
        }
        assertEquals(0, connectAndReadAll(discard), "discard is refused by hosts.deny");
        assertEquals(4, connectAndReadAll(time), "time answers");
        assertEquals(4, connectAndReadAll(time), "time answers");
        assertEquals(0, connectAndReadAll(time), "the third time connection in a minute is over the limit");

        String text = scrape();

        assertEquals(Optional.of("1.0"), up(text), text);
        assertEquals(Optional.of("3.0"), sample(text, "opensrc_inetd_connections_accepted_total", "daytime"), text);
        assertEquals(Optional.of("0.0"), sample(text, "opensrc_inetd_connections_refused_total", "daytime"), text);
        assertEquals(Optional.of("0.0"), sample(text, "opensrc_inetd_connections_accepted_total", "discard"), text);
        assertEquals(Optional.of("1.0"), sample(text, "opensrc_inetd_connections_refused_total", "discard"), text);
        assertEquals(Optional.of("2.0"), sample(text, "opensrc_inetd_connections_accepted_total", "time"), text);
        assertEquals(Optional.of("1.0"), sample(text, "opensrc_inetd_connections_rate_limited_total", "time"), text);
        assertEquals(Optional.of("0.0"), sample(text, "opensrc_inetd_servers_running", "daytime"), text);

        assertTrue(Files.isExecutable(PROMTOOL), PROMTOOL + " is missing: scripts/install-test-deps installs it");
        Shell.Out check = Shell.runWithInput(text, PROMTOOL.toString(), "check", "metrics");
        assertEquals(0, check.status(), check + "\n--- the text\n" + text);
        assertEquals("", check.out().strip(), check + "\n--- the text\n" + text);
    }

    private static Optional<String> up(String text) {
        Matcher m = Pattern.compile("(?m)^opensrc_inetd_up\\{subsystem=\"inetd\"} (\\S+)$").matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    @Test
    void aStoppedInetdIsDownForAScrapeThatStillAnswersAndUpAgainWhenItGoesOn() throws Exception {
        long pid = inetdPid();
        signal("STOP", pid);
        String text;
        try {
            text = scrape();
        } finally {
            signal("CONT", pid);
        }
        assertEquals(Optional.of("0.0"), up(text), text);
        assertFalse(text.contains("opensrc_inetd_connections_accepted_total{"), text);
        assertTrue(text.contains("opensrc_subsystem_up{group=\"tcpip\",subsystem=\"inetd\"} 1.0\n"), text);

        SrcRoot.await(
                LIMIT,
                () -> {
                    try {
                        return up(scrape()).equals(Optional.of("1.0"));
                    } catch (IOException e) {
                        return false;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                },
                "opensrc_inetd_up 1 after SIGCONT");
    }

    private static void signal(String name, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder(List.of("kill", "-" + name, Long.toString(pid))).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + name + " " + pid);
    }
}
