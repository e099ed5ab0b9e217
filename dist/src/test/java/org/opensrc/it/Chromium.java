package org.opensrc.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Debian's headless Chromium ({@code /usr/bin/chromium}) with one tab open on a URL, driven through the DevTools
 * protocol over the JDK's WebSocket: evaluate JavaScript in the page, take a screenshot. Closing kills Chromium and
 * removes its profile directory.
 */
final class Chromium implements AutoCloseable {

    static final Path PROGRAM = Path.of("/usr/bin/chromium");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<Long, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private WebSocket socket;

    private Chromium(Process process, Path profile) {
        this.process = process;
        this.profile = profile;
    }

    /** Starts Chromium on {@code url} in a 1024x768 window and connects to that tab. */
    static Chromium open(String url) throws Exception {
        Path profile = Files.createTempDirectory("opensrc-chromium-");
        Process process =
                new ProcessBuilder(
                                PROGRAM.toString(),
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--remote-allow-origins=*",
                                "--window-size=1024,768",
                                "--user-data-dir=" + profile,
                                "--remote-debugging-port=0",
                                url)
                        .redirectErrorStream(true)
                        .redirectOutput(profile.resolve("chromium.log").toFile())
                        .start();
        Chromium chromium = new Chromium(process, profile);
        try {
            chromium.connect(url);
            return chromium;
        } catch (Exception | AssertionError e) {
            chromium.close();
            throw e;
        }
    }

    private void connect(String url) throws Exception {
        Path portFile = profile.resolve("DevToolsActivePort");
        until(
                () -> Files.isRegularFile(portFile) && Files.readAllLines(portFile).size() >= 2,
                "Chromium's DevToolsActivePort");
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
        String[] ws = new String[1];
        until(
                () -> {
                    String body =
                            http.send(
                                            HttpRequest.newBuilder(
                                                            URI.create("http://127.0.0.1:" + port + "/json/list"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString())
                                    .body();
                    for (JsonNode target : JSON.readTree(body)) {
                        if (target.path("type").asText().equals("page")
                                && target.path("url").asText().startsWith(url)) {
                            ws[0] = target.path("webSocketDebuggerUrl").asText();
                            return true;
                        }
                    }
                    return false;
                },
                "Chromium's tab on " + url);
        socket =
                http.newWebSocketBuilder()
                        .buildAsync(URI.create(ws[0]), new Listener())
                        .get(LIMIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Something to wait for that may fail while it is not there yet. */
    interface Check {
        boolean test() throws Exception;
    }

    /** Waits, polling, until {@code check} holds (a failing check counts as not yet); fails after 30 seconds. */
    static void until(Check check, String what) throws InterruptedException {
        long end = System.nanoTime() + LIMIT.toNanos();
        Exception last = null;
        while (System.nanoTime() < end) {
            try {
                if (check.test()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what + (last == null ? "" : ": " + last), last);
    }

    /** The result of a DevTools command. */
    JsonNode send(String method, Map<String, Object> params) throws Exception {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(id, reply);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        socket.sendText(JSON.writeValueAsString(message), true).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        JsonNode answer = reply.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new AssertionError(method + ": " + answer.get("error"));
        }
        return answer.get("result");
    }

    /** The value of a JavaScript expression evaluated in the page (a string, number or JSON-able value). */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError(expression + ": " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** A PNG of the page as it is now. */
    void screenshot(Path png) throws Exception {
        JsonNode result = send("Page.captureScreenshot", Map.of("format", "png"));
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(result.get("data").asText()));
    }

    String log() {
        try {
            return Files.readString(profile.resolve("chromium.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (socket != null) {
                socket.abort();
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        } finally {
            try (var files = Files.walk(profile)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(text.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> reply = replies.remove(message.get("id").asLong());
                        if (reply != null) {
                            reply.complete(message);
                        }
                    }
                } catch (IOException e) {
                    replies.values().forEach(r -> r.completeExceptionally(e));
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
