package org.opensrc.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensrc.libsrc.subsystem.StatusRows;
import org.opensrc.libsrc.subsystem.SubserverReply;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.proto.v1.Status;
import org.opensrc.proto.v1.StatusRow;
import org.opensrc.proto.v1.SubserverAction;
import org.opensrc.proto.v1.SubserverCommand;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

class SampleHandlerTest {

    @TempDir Path dir;

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final TraceLog log = new TraceLog(new PrintStream(stderr, true, StandardCharsets.UTF_8));

    private SampleHandler handlerWith(String configText) throws Exception {
        Path config = dir.resolve("sample.conf");
        Files.writeString(config, configText);
        var handler = new SampleHandler(Optional.of(config), log);
        assertTrue(handler.readConfig());
        return handler;
    }

    private static SubserverCommand command(SubserverAction action, String type) {
        return SubserverCommand.newBuilder().setAction(action).setType(type).build();
    }

    private String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void longStatusShowsDebugConfigItemsABlankLineAndTheSubserverTable() throws Exception {
        SampleHandler handler = handlerWith("a\nb\nc\n");
        handler.subservers().start("beta");
        List<StatusRow> rows = handler.longStatus();
        assertEquals(
                List.of(
                        StatusRows.row("Debug", "Not active"),
                        StatusRows.row("Config file", dir.resolve("sample.conf").toString()),
                        StatusRows.row("Items read", "3"),
                        StatusRows.blank(),
                        StatusRows.subserverHeader(),
                        StatusRows.subserverRow(
                                "alpha", "internal", "sample subserver alpha", Status.STATUS_INOPERATIVE),
                        StatusRows.subserverRow("beta", "internal", "sample subserver beta", Status.STATUS_ACTIVE)),
                rows);
    }

    @Test
    void refreshRereadsTheConfigFile() throws Exception {
        SampleHandler handler = handlerWith("one\n");
        Files.writeString(dir.resolve("sample.conf"), "one\ntwo\n");
        assertTrue(handler.refresh().isSuccess());
        assertEquals(2, handler.itemsRead());
    }

    @Test
    void refreshOfAMissingConfigFileFailsWith096AndKeepsTheOldCount() throws Exception {
        SampleHandler handler = handlerWith("one\n");
        Files.delete(dir.resolve("sample.conf"));
        assertEquals(SrcCode.SRC_CODE_REFFAIL, handler.refresh().code());
        assertEquals(1, handler.itemsRead());
    }

    @Test
    void traceOnPrintsTraceLinesAndTraceOffSilencesThem() throws Exception {
        SampleHandler handler = handlerWith("");
        handler.longStatus();
        assertFalse(stderr().contains("trace:"));
        assertTrue(handler.trace(true, true).isSuccess());
        assertEquals(StatusRows.row("Debug", "Active (long)"), handler.longStatus().getFirst());
        assertTrue(stderr().contains("sample: trace: long status requested"));
        handler.trace(false, false);
        stderr.reset();
        handler.refresh();
        assertEquals("", stderr());
    }

    @Test
    void subserverStartStopAndStatusAnswerTheAixCodes() throws Exception {
        SampleHandler handler = handlerWith("");
        SubserverReply started = handler.subserver(command(SubserverAction.SUBSERVER_ACTION_START, "alpha"));
        assertEquals(SrcCode.SRC_CODE_STRTSVROK, started.outcome().code());
        assertEquals(List.of("alpha"), started.outcome().args());
        assertEquals(
                SrcCode.SRC_CODE_STRTSVRDUP,
                handler.subserver(command(SubserverAction.SUBSERVER_ACTION_START, "alpha")).outcome().code());

        SubserverReply status = handler.subserver(command(SubserverAction.SUBSERVER_ACTION_STATUS, "alpha"));
        assertTrue(status.outcome().isSuccess());
        assertEquals(Status.STATUS_ACTIVE, status.rows().get(1).getStatus());

        assertEquals(
                SrcCode.SRC_CODE_STOPSVROK,
                handler.subserver(command(SubserverAction.SUBSERVER_ACTION_STOP, "alpha")).outcome().code());
        assertEquals(
                SrcCode.SRC_CODE_STOPSVRBAD,
                handler.subserver(command(SubserverAction.SUBSERVER_ACTION_STOP, "alpha")).outcome().code());
    }

    @Test
    void anUnknownSubserverAnswers021AndSubserverTraceIsNotSupported() throws Exception {
        SampleHandler handler = handlerWith("");
        assertEquals(
                SrcCode.SRC_CODE_RES,
                handler.subserver(command(SubserverAction.SUBSERVER_ACTION_START, "gamma")).outcome().code());
        assertEquals(
                SrcCode.SRC_CODE_NOSUPPORT,
                handler.subserver(command(SubserverAction.SUBSERVER_ACTION_TRACE, "beta")).outcome().code());
    }

    @Test
    void aNormalStopFinishesTheSubservers() throws Exception {
        SampleHandler handler = handlerWith("");
        handler.subservers().start("alpha");
        assertTrue(handler.stop(false).isSuccess());
        handler.finish();
        assertEquals(Optional.of(false), handler.subservers().isActive("alpha"));
    }
}
