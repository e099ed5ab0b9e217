package org.opensrc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The live status page of the metrics listener in a real browser (Debian's headless {@code chromium}, installed by
 * {@code scripts/install-test-deps}): it shows the {@code lssrc -a} table and inetd's subservers, and a {@code kill -9}
 * of a respawning subsystem reaches it through the event stream, without a reload.
 */
class StatusPageIT {

    /** The row of a subsystem as the page shows it now: pid, status and restarts, or null while there is none. */
    private static final String ROW =
            "(() => { const r = document.querySelector('tr[data-subsystem=\"%s\"]');"
                    + " return r ? r.dataset.pid + ' ' + r.dataset.status + ' ' + r.dataset.restarts : null; })()";

    private static long pidOf(SrcRoot src, String name) {
        String pid = src.run("lssrc", "-s", name).lines().get(1).substring(35, 47).trim();
        return pid.isEmpty() ? -1 : Long.parseLong(pid);
    }

    private static String row(Chromium page, String subsystem) throws Exception {
        JsonNode value = page.evaluate(ROW.formatted(subsystem));
        return value.isNull() || value.isMissingNode() ? "" : value.asText();
    }

    @Test
    void theStatusPageShowsTheRespawnOfAKilledSubsystemWithoutAReload() throws Exception {
        assertTrue(
                Files.isExecutable(Chromium.PROGRAM),
                Chromium.PROGRAM + " is missing: scripts/install-test-deps installs the Debian package chromium");
        int port = LoopbackPort.free();
        SrcRoot src = SrcRoot.empty();
        try (src) {
            Files.createDirectories(src.root.resolve("etc/src"));
            Files.writeString(src.root.resolve("etc/src/srcmstr.conf"), "metrics.listen=127.0.0.1:" + port + "\n");
            src.startSrcmstr();
            assertEquals(
                    0,
                    src.run(
                                    "mkssys",
                                    "-s",
                                    "inetd",
                                    "-p",
                                    SrcRoot.TREE.resolve("bin/inetd").toString(),
                                    "-u",
                                    "0",
                                    "-K")
                            .status());
            assertEquals(0, src.run("mkserver", "-s", "inetd", "-t", "daytime", "-c", "13").status());
            src.startRespawningSleeper("napper", "naps");
            long pid = pidOf(src, "napper");
            assertTrue(pid > 0);

            try (Chromium page = Chromium.open("http://127.0.0.1:" + port + "/")) {
                String before = pid + " active 0";
                Chromium.until(() -> row(page, "napper").equals(before), "the page to show napper as " + before);
                assertEquals("inoperative 0", page.evaluate(ROW.formatted("inetd")).asText().strip());
                assertEquals(
                        List.of("daytime", "inetd", "13"),
                        List.of(
                                page.evaluate(
                                                "[...document.querySelectorAll('#subservers tbody td')]"
                                                        + ".map(td => td.textContent).join(' ')")
                                        .asText()
                                        .split(" ")));
                Path shots = Path.of("target/status-page");
                page.screenshot(shots.resolve("before-kill.png"));
                // marks this document: a reload would lose it
                page.evaluate("window.opensrcNoReload = 42");

                ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // SIGKILL
                String[] now = new String[1];
                Chromium.until(
                        () -> {
                            now[0] = row(page, "napper");
                            String[] f = now[0].split(" ");
                            return f.length == 3
                                    && !f[0].isEmpty()
                                    && Long.parseLong(f[0]) != pid
                                    && f[1].equals("active")
                                    && f[2].equals("1");
                        },
                        "the page to show napper respawned with a new pid and 1 restart");
                long respawned = Long.parseLong(now[0].split(" ")[0]);
                assertEquals(pidOf(src, "napper"), respawned);
                assertEquals(42, page.evaluate("window.opensrcNoReload").asInt(), "the page was reloaded");
                assertTrue(
                        page.evaluate("document.querySelector('tr[data-subsystem=\"napper\"]').textContent")
                                .asText()
                                .contains("signal 9"));
                page.screenshot(shots.resolve("after-kill.png"));
                // docs/watching-status-page.png is refreshed on request only, so a test run leaves the sources as
                // they were: -Dit.test=StatusPageIT -Dopensrc.docs.screenshots=true
                Path docs = SrcRoot.TREE.getParent().getParent().getParent().resolve("docs");
                if (Boolean.getBoolean("opensrc.docs.screenshots") && Files.isDirectory(docs)) {
                    Files.copy(
                            shots.resolve("after-kill.png"),
                            docs.resolve("watching-status-page.png"),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    void theEventStreamStartsWithASnapshotAndAnOpenStreamDoesNotHoldUpTheStopOfSrcmstr() throws Exception {
        int port = LoopbackPort.free();
        HttpClient http = HttpClient.newHttpClient();
        try (SrcRoot src = SrcRoot.empty()) {
            Files.createDirectories(src.root.resolve("etc/src"));
            Files.writeString(src.root.resolve("etc/src/srcmstr.conf"), "metrics.listen=127.0.0.1:" + port + "\n");
            src.startSrcmstr();
            String base = "http://127.0.0.1:" + port;
            assertEquals(
                    404,
                    http.send(
                                    HttpRequest.newBuilder(URI.create(base + "/nope")).build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode());
            HttpResponse<String> page =
                    http.send(
                            HttpRequest.newBuilder(URI.create(base + "/status")).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("new EventSource(\"events\")"), page.body());
            assertTrue(
                    !page.body().contains("src=\"http") && !page.body().contains("href=\"http"), "no external asset");

            HttpResponse<Stream<String>> events =
                    http.send(
                            HttpRequest.newBuilder(URI.create(base + "/events")).build(),
                            HttpResponse.BodyHandlers.ofLines());
            assertEquals("text/event-stream; charset=utf-8", events.headers().firstValue("Content-Type").orElse(""));
            var lines = events.body().iterator();
            assertEquals("event: snapshot", lines.next());
            assertTrue(lines.next().startsWith("id: "));
            assertTrue(lines.next().startsWith("data: {\"sequence\":"));

            long start = System.nanoTime();
            assertEquals(0, src.stopSrcmstr());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "srcmstr took " + took + " to stop");
            try (Stream<String> body = events.body()) {
                while (lines.hasNext()) {
                    lines.next();
                }
            } catch (UncheckedIOException e) {
                // the stream ends with srcmstr: cut, without the last chunk of a finished response
            }
        }
    }
}
