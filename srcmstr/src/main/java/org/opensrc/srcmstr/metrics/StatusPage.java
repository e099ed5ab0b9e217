package org.opensrc.srcmstr.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.opensrc.srcmstr.registry.SubserverDef;
import org.opensrc.srcmstr.supervise.InstanceView;
import org.opensrc.srcmstr.supervise.WatchBuffer;
import org.opensrc.srcmstr.supervise.WatchChange;
import org.opensrc.srcmstr.supervise.WatchEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The live status page on the metrics listener, read-only: {@code /} (or {@code /status}) is one HTML page with its CSS
 * and JavaScript inline, {@code /events} a server-sent event stream of what the page shows, as JSON: the table first
 * ({@code snapshot}), then one {@code change} per change of srcmstr's watch stream, each with the table as it now is.
 * Every {@code /events} request is a watch of its own with a bounded buffer: a browser that reads slowly is given a
 * fresh {@code snapshot} instead of what it missed, and never makes the supervision thread wait.
 */
public final class StatusPage implements HttpHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration KEEPALIVE = Duration.ofSeconds(15);
    private static final Duration WATCH_LIMIT = Duration.ofSeconds(10);

    private final Supplier<CompletableFuture<WatchBuffer>> watch;
    private final byte[] html;

    /**
     * @param watch starts a watch of the supervision loop (its snapshot first)
     */
    public StatusPage(Supplier<CompletableFuture<WatchBuffer>> watch) {
        this.watch = Objects.requireNonNull(watch, "watch");
        try (InputStream in = StatusPage.class.getResourceAsStream("status.html")) {
            this.html = Objects.requireNonNull(in, "status.html in the jar").readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/", "/status" -> page(exchange);
                case "/events" -> events(exchange);
                default -> exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private void page(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders()
                .set(
                        "Content-Security-Policy",
                        "default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, html.length);
        exchange.getResponseBody().write(html);
    }

    private void events(HttpExchange exchange) throws IOException {
        WatchBuffer buffer;
        try {
            buffer = watch.get().get(WATCH_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(503, -1);
            return;
        } catch (ExecutionException | TimeoutException e) {
            exchange.sendResponseHeaders(503, -1);
            return;
        }
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            StatusBoard board = new StatusBoard();
            while (true) {
                WatchEvent event = buffer.take(KEEPALIVE);
                if (event == null) {
                    if (buffer.closed()) {
                        return;
                    }
                    out.write(": keepalive\n\n".getBytes(StandardCharsets.UTF_8));
                } else if (board.apply(event)) {
                    out.write(frame(event, board).getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            buffer.close();
        }
    }

    /** One server-sent event: {@code snapshot} or {@code change}, its sequence as id, the board as JSON on one line. */
    static String frame(WatchEvent event, StatusBoard board) {
        ObjectNode data = JSON.createObjectNode();
        data.put("sequence", board.sequence());
        data.put("at_millis", board.atMillis());
        if (event instanceof WatchEvent.Changed c) {
            data.set("change", change(c.change()));
        }
        ArrayNode subsystems = data.putArray("subsystems");
        for (InstanceView v : board.subsystems()) {
            ObjectNode line = subsystems.addObject();
            line.put("subsystem", v.name());
            line.put("group", v.group());
            if (v.pid().isPresent()) {
                line.put("pid", v.pid().getAsLong());
            } else {
                line.putNull("pid");
            }
            line.put("status", v.status().word());
            if (v.since().isPresent()) {
                line.put("since_epoch_ms", v.since().getAsLong());
            } else {
                line.putNull("since_epoch_ms");
            }
            line.put("restarts", v.restarts());
            line.put("last_exit", v.lastExit());
            line.put("display", v.display());
        }
        ArrayNode subservers = data.putArray("subservers");
        for (SubserverDef s : board.subservers()) {
            subservers
                    .addObject()
                    .put("sub_type", s.subType())
                    .put("subsysname", s.subsysname())
                    .put("sub_code", s.subCode());
        }
        String kind = event instanceof WatchEvent.Changed ? "change" : "snapshot";
        return "event: " + kind + "\nid: " + board.sequence() + "\ndata: " + data + "\n\n";
    }

    private static ObjectNode change(WatchChange change) {
        ObjectNode node = JSON.createObjectNode();
        switch (change) {
            case WatchChange.Instance i -> {
                node.put("kind", i.kind().name().toLowerCase(Locale.ROOT));
                node.put("subsystem", i.subsystem());
                i.pid().ifPresent(p -> node.put("pid", p));
                node.put("status", i.status().word());
                node.put("exit", i.exit());
            }
            case WatchChange.Definition d -> {
                node.put("kind", "definition_" + d.kind().name().toLowerCase(Locale.ROOT));
                node.put("subsystem", d.definition().subsysname());
            }
            case WatchChange.Subserver s -> {
                node.put("kind", "subserver_" + s.kind().name().toLowerCase(Locale.ROOT));
                node.put("subsystem", s.definition().subsysname());
                node.put("sub_type", s.definition().subType());
            }
        }
        return node;
    }
}
