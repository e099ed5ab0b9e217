package org.opensrc.sample;

import org.opensrc.libsrc.subsystem.Reply;
import org.opensrc.libsrc.subsystem.SrcHandler;
import org.opensrc.libsrc.subsystem.StatusRows;
import org.opensrc.libsrc.subsystem.SubserverReply;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.proto.v1.Status;
import org.opensrc.proto.v1.StatusRow;
import org.opensrc.proto.v1.SubserverCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** What the sample daemon answers to SRC requests. */
final class SampleHandler implements SrcHandler {

    private final Optional<Path> config;
    private final TraceLog log;
    private final Subservers subservers = new Subservers();
    private final AtomicInteger itemsRead = new AtomicInteger();

    SampleHandler(Optional<Path> config, TraceLog log) {
        this.config = config;
        this.log = log;
    }

    /** Reads the configuration (counts its lines); false when it cannot be read. */
    boolean readConfig() {
        if (config.isEmpty()) {
            return true;
        }
        try (var lines = Files.lines(config.get())) {
            itemsRead.set((int) lines.count());
            log.trace("read " + itemsRead.get() + " items from " + config.get());
            return true;
        } catch (IOException | UncheckedIOException e) {
            log.info("cannot read " + config.get() + ": " + e.getMessage());
            return false;
        }
    }

    int itemsRead() {
        return itemsRead.get();
    }

    Subservers subservers() {
        return subservers;
    }

    @Override
    public Reply stop(boolean forced) {
        log.trace(forced ? "forced stop requested" : "stop requested");
        return Reply.ok();
    }

    /** A normal stop: let the subservers finish. */
    void finish() {
        subservers.stopAll();
        log.info("stopped");
    }

    /**
     * Misbehaviour on request, for tests of srcmstr's side: {@code SAMPLE_MISBEHAVE=hang} (e.g. {@code startsrc -s
     * sample -e SAMPLE_MISBEHAVE=hang}) never answers a long status request; {@code crash} dies while answering it.
     */
    private static final String MISBEHAVE = System.getenv().getOrDefault("SAMPLE_MISBEHAVE", "");

    @Override
    public List<StatusRow> longStatus() {
        log.trace("long status requested");
        switch (MISBEHAVE) {
            case "hang" -> {
                try {
                    new CountDownLatch(1).await(); // never counted down: hangs on purpose
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            case "crash" -> Runtime.getRuntime().halt(3);
            default -> {}
        }
        List<StatusRow> rows = new ArrayList<>();
        rows.add(StatusRows.row("Debug", !log.on() ? "Not active" : log.longTrace() ? "Active (long)" : "Active"));
        rows.add(StatusRows.row("Config file", config.map(Path::toString).orElse("none")));
        rows.add(StatusRows.row("Items read", Integer.toString(itemsRead.get())));
        rows.add(StatusRows.blank());
        rows.add(StatusRows.subserverHeader());
        for (String type : Subservers.TYPES) {
            rows.add(subserverRow(type));
        }
        return rows;
    }

    private StatusRow subserverRow(String type) {
        boolean active = subservers.isActive(type).orElseThrow();
        return StatusRows.subserverRow(
                type,
                "internal",
                "sample subserver " + type,
                active ? Status.STATUS_ACTIVE : Status.STATUS_INOPERATIVE);
    }

    @Override
    public Reply refresh() {
        log.trace("refresh requested");
        return readConfig() ? Reply.ok() : Reply.of(SrcCode.SRC_CODE_REFFAIL);
    }

    @Override
    public Reply trace(boolean on, boolean longTrace) {
        log.set(on, longTrace);
        log.trace("tracing on" + (longTrace ? " (long)" : ""));
        return Reply.ok();
    }

    @Override
    public SubserverReply subserver(SubserverCommand command) {
        String type = command.getType().isEmpty() ? command.getObject() : command.getType();
        log.trace("subserver " + command.getAction() + " " + type);
        if (!subservers.known(type)) {
            return SubserverReply.of(SrcCode.SRC_CODE_RES);
        }
        return switch (command.getAction()) {
            case SUBSERVER_ACTION_START ->
                    subservers.start(type)
                            ? SubserverReply.of(SrcCode.SRC_CODE_STRTSVROK, type)
                            : SubserverReply.of(SrcCode.SRC_CODE_STRTSVRDUP, type);
            case SUBSERVER_ACTION_STOP ->
                    subservers.stop(type)
                            ? SubserverReply.of(SrcCode.SRC_CODE_STOPSVROK, type)
                            : SubserverReply.of(SrcCode.SRC_CODE_STOPSVRBAD, type);
            case SUBSERVER_ACTION_STATUS ->
                    SubserverReply.rows(List.of(StatusRows.subserverHeader(), subserverRow(type)));
            case SUBSERVER_ACTION_TRACE, SUBSERVER_ACTION_UNSPECIFIED, UNRECOGNIZED -> SubserverReply.notSupported();
        };
    }
}
