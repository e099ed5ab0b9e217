package org.opensrc.srcmstr.metrics;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.opensrc.srcmstr.durable.JsonOut;
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
        String data =
                JsonOut.text(
                        out -> {
                            out.writeStartObject();
                            out.writeNumberField("sequence", board.sequence());
                            out.writeNumberField("at_millis", board.atMillis());
                            if (event instanceof WatchEvent.Changed c) {
                                out.writeFieldName("change");
                                change(out, c.change());
                            }
                            out.writeArrayFieldStart("subsystems");
                            for (InstanceView v : board.subsystems()) {
                                line(out, v);
                            }
                            out.writeEndArray();
                            out.writeArrayFieldStart("subservers");
                            for (SubserverDef s : board.subservers()) {
                                out.writeStartObject();
                                out.writeStringField("sub_type", s.subType());
                                out.writeStringField("subsysname", s.subsysname());
                                out.writeNumberField("sub_code", s.subCode());
                                out.writeEndObject();
                            }
                            out.writeEndArray();
                            out.writeEndObject();
                        });
        String kind = event instanceof WatchEvent.Changed ? "change" : "snapshot";
        return "event: " + kind + "\nid: " + board.sequence() + "\ndata: " + data + "\n\n";
    }

    private static void line(JsonGenerator out, InstanceView v) throws IOException {
        out.writeStartObject();
        out.writeStringField("subsystem", v.name());
        out.writeStringField("group", v.group());
        out.writeFieldName("pid");
        if (v.pid().isPresent()) {
            out.writeNumber(v.pid().getAsLong());
        } else {
            out.writeNull();
        }
        out.writeStringField("status", v.status().word());
        out.writeFieldName("since_epoch_ms");
        if (v.since().isPresent()) {
            out.writeNumber(v.since().getAsLong());
        } else {
            out.writeNull();
        }
        out.writeNumberField("restarts", v.restarts());
        out.writeStringField("last_exit", v.lastExit());
        out.writeBooleanField("display", v.display());
        out.writeEndObject();
    }

    private static void change(JsonGenerator out, WatchChange change) throws IOException {
        out.writeStartObject();
        switch (change) {
            case WatchChange.Instance i -> {
                out.writeStringField("kind", i.kind().name().toLowerCase(Locale.ROOT));
                out.writeStringField("subsystem", i.subsystem());
                if (i.pid().isPresent()) {
                    out.writeNumberField("pid", i.pid().getAsLong());
                }
                out.writeStringField("status", i.status().word());
                out.writeStringField("exit", i.exit());
            }
            case WatchChange.Definition d -> {
                out.writeStringField("kind", "definition_" + d.kind().name().toLowerCase(Locale.ROOT));
                out.writeStringField("subsystem", d.definition().subsysname());
            }
            case WatchChange.Subserver s -> {
                out.writeStringField("kind", "subserver_" + s.kind().name().toLowerCase(Locale.ROOT));
                out.writeStringField("subsystem", s.definition().subsysname());
                out.writeStringField("sub_type", s.definition().subType());
            }
        }
        out.writeEndObject();
    }
}
