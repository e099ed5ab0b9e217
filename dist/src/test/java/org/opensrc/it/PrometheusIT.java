package org.opensrc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * srcmstr's {@code /metrics} read by a real Prometheus server (Debian's {@code prometheus}, installed by {@code
 * scripts/install-test-deps}) and checked by {@code promtool}: a {@code kill -9} and its respawn are seen through
 * Prometheus's own query API.
 */
class PrometheusIT {

    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Pattern VALUE = Pattern.compile("\"value\":\\[[0-9.e+-]+,\"([^\"]+)\"\\]");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static void requireProgram(Path program) {
        assertTrue(
                Files.isExecutable(program),
                program + " is missing: scripts/install-test-deps installs the Debian package prometheus");
    }

    /** A root whose srcmstr serves /metrics on 127.0.0.1:{@code port}. */
    private static SrcRoot srcmstrWithMetrics(int port) throws IOException {
        SrcRoot src = SrcRoot.empty();
        Files.createDirectories(src.root.resolve("etc/src"));
        Files.writeString(src.root.resolve("etc/src/srcmstr.conf"), "metrics.listen=127.0.0.1:" + port + "\n");
        src.startSrcmstr();
        return src;
    }

    /** {@code napper}: /bin/sleep, respawned when it ends abnormally. */
    private static long startNapper(SrcRoot src) {
        src.startRespawningSleeper("napper", "naps");
        return pidOf(src, "napper").orElseThrow();
    }

    private static Optional<Long> pidOf(SrcRoot src, String name) {
        var r = src.run("lssrc", "-s", name);
        List<String> lines = r.lines();
        if (r.status() != 0 || lines.size() < 2) {
            return Optional.empty();
        }
        String pid = lines.get(1).length() > 47 ? lines.get(1).substring(35, 47).trim() : "";
        return pid.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(pid));
    }

    private String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(url + ": HTTP " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** The value of an instant query that returns one sample, if Prometheus has it. */
    private Optional<String> query(int prometheusPort, String promql) throws InterruptedException {
        try {
            String body =
                    get(
                            "http://127.0.0.1:"
                                    + prometheusPort
                                    + "/api/v1/query?query="
                                    + URLEncoder.encode(promql, StandardCharsets.UTF_8));
            Matcher m = VALUE.matcher(body);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void awaitValue(int prometheusPort, String promql, String expected, Path log) throws Exception {
        long end = System.nanoTime() + LIMIT.toNanos();
        Optional<String> last = Optional.empty();
        while (System.nanoTime() < end) {
            last = query(prometheusPort, promql);
            if (last.isPresent() && last.get().equals(expected)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(
                promql
                        + " is "
                        + last.orElse("absent")
                        + ", not "
                        + expected
                        + ", after "
                        + LIMIT
                        + "\n--- prometheus\n"
                        + Files.readString(log));
    }

    @Test
    void prometheusScrapesSrcmstrAndSeesTheRespawnOfAKilledSubsystem() throws Exception {
        requireProgram(PROMETHEUS);
        Path dir = Files.createTempDirectory("opensrc-prometheus-");
        Process prometheus = null;
        int metricsPort = LoopbackPort.free();
        try (SrcRoot src = srcmstrWithMetrics(metricsPort)) {
            long pid = startNapper(src);
            int port = LoopbackPort.free();
            Path config = dir.resolve("prometheus.yml");
            Files.writeString(
                    config,
                    """
                    global:
                      scrape_interval: 1s
                      evaluation_interval: 1s
                    scrape_configs:
                      - job_name: opensrc
                        static_configs:
                          - targets: ['127.0.0.1:%d']
                            labels:
                              host: it
                    """
                            .formatted(metricsPort));
            Path log = dir.resolve("prometheus.log");
            prometheus =
                    new ProcessBuilder(
                                    PROMETHEUS.toString(),
                                    "--config.file=" + config,
                                    "--storage.tsdb.path=" + dir.resolve("data"),
                                    "--web.listen-address=127.0.0.1:" + port)
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .start();
            awaitValue(port, "opensrc_subsystem_up{subsystem=\"napper\",job=\"opensrc\",host=\"it\"}", "1", log);
            awaitValue(port, "opensrc_subsystem_restarts_total{subsystem=\"napper\"}", "0", log);

            ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // SIGKILL
            SrcRoot.await(
                    LIMIT,
                    () -> pidOf(src, "napper").filter(p -> p != pid).isPresent(),
                    "napper to be respawned with a new pid");

            awaitValue(port, "opensrc_subsystem_restarts_total{subsystem=\"napper\"}", "1", log);
            awaitValue(port, "opensrc_subsystem_changes_total{subsystem=\"napper\",change=\"respawned\"}", "1", log);
            awaitValue(port, "opensrc_subsystem_last_exit_status{subsystem=\"napper\"}", "137", log);
            awaitValue(port, "opensrc_subsystem_up{subsystem=\"napper\"}", "1", log);
            awaitValue(
                    port, "sum(opensrc_rpc_requests_total{method=\"srcmstr.v1.Control/Start\",code=\"OK\"})", "1", log);
        } finally {
            if (prometheus != null) {
                prometheus.destroy();
                if (!prometheus.waitFor(30, TimeUnit.SECONDS)) {
                    prometheus.destroyForcibly();
                    prometheus.waitFor();
                }
            }
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void promtoolAcceptsTheScrapedText() throws Exception {
        requireProgram(PROMTOOL);
        int metricsPort = LoopbackPort.free();
        try (SrcRoot src = srcmstrWithMetrics(metricsPort)) {
            startNapper(src);
            src.run("lssrc", "-a");
            String text = get("http://127.0.0.1:" + metricsPort + "/metrics");
            for (String family :
                    List.of(
                            "opensrc_subsystem_up",
                            "opensrc_subsystem_state",
                            "opensrc_subsystem_restarts_total",
                            "opensrc_subsystem_state_since_seconds",
                            "opensrc_subsystem_changes_total",
                            "opensrc_rpc_requests_total",
                            "opensrc_rpc_duration_seconds")) {
                assertTrue(text.contains("\n# TYPE " + family + " ") || text.startsWith("# HELP " + family), family);
            }
            Shell.Out check = Shell.runWithInput(text, PROMTOOL.toString(), "check", "metrics");
            assertEquals(0, check.status(), check + "\n--- the text\n" + text);
            assertEquals("", check.out().strip(), check + "\n--- the text\n" + text);
        }
    }

    @Test
    void promtoolAcceptsTheExampleAlertRules() throws Exception {
        requireProgram(PROMTOOL);
        Path rules = SrcRoot.TREE.resolve("etc/prometheus/opensrc-alerts.yml");
        assertTrue(Files.isRegularFile(rules), rules.toString());
        Shell.Out check = Shell.runWithInput("", PROMTOOL.toString(), "check", "rules", rules.toString());
        assertEquals(0, check.status(), check.toString());
        assertTrue(check.out().contains("SUCCESS: 3 rules found"), check.toString());
    }
}
