package org.opensrc.srcmstr.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opensrc.srcmstr.registry.Defs;
import org.opensrc.srcmstr.registry.SubserverDef;
import org.opensrc.srcmstr.supervise.InstanceView;
import org.opensrc.srcmstr.supervise.StatusWord;
import org.opensrc.srcmstr.supervise.WatchChange;
import org.opensrc.srcmstr.supervise.WatchEvent;

import java.util.List;
import java.util.OptionalLong;

class StatusBoardTest {

    private static InstanceView running(String name, long pid, long since, int restarts) {
        return new InstanceView(
                name,
                "naps",
                OptionalLong.of(pid),
                StatusWord.ACTIVE,
                true,
                OptionalLong.of(since),
                restarts,
                "",
                OptionalLong.empty());
    }

    private static WatchEvent.Changed instance(
            long sequence, long at, WatchChange.InstanceKind kind, OptionalLong pid, StatusWord status, String exit) {
        return new WatchEvent.Changed(
                sequence, at, new WatchChange.Instance(kind, "napper", "naps", OptionalLong.of(7), pid, status, exit));
    }

    private static StatusBoard boardWithNapper() {
        StatusBoard board = new StatusBoard();
        board.apply(
                new WatchEvent.Snapshot(
                        4,
                        1_000,
                        List.of(running("napper", 100, 500, 0)),
                        List.of(new SubserverDef("daytime", "inetd", 13))));
        return board;
    }

    @Test
    void aKillAndItsRespawnShowTheNewPidOneMoreRestartTheExitAndANewUptime() {
        StatusBoard board = boardWithNapper();
        board.apply(
                instance(
                        5,
                        2_000,
                        WatchChange.InstanceKind.ENDED,
                        OptionalLong.empty(),
                        StatusWord.INOPERATIVE,
                        "signal 9"));
        InstanceView ended = board.subsystems().getFirst();
        assertEquals(StatusWord.INOPERATIVE, ended.status());
        assertEquals(OptionalLong.empty(), ended.pid());
        assertEquals(OptionalLong.empty(), ended.since());

        board.apply(
                instance(6, 2_100, WatchChange.InstanceKind.RESPAWNED, OptionalLong.of(200), StatusWord.ACTIVE, ""));
        assertEquals(
                List.of(
                        new InstanceView(
                                "napper",
                                "naps",
                                OptionalLong.of(200),
                                StatusWord.ACTIVE,
                                true,
                                OptionalLong.of(2_100),
                                1,
                                "signal 9",
                                OptionalLong.empty())),
                board.subsystems());
        assertEquals(6, board.sequence());
        assertEquals(2_100, board.atMillis());
    }

    @Test
    void aSnapshotReplacesEverythingAndKeepsTheRunningLineOfANameListedTwice() {
        StatusBoard board = boardWithNapper();
        InstanceView changedDefinition =
                new InstanceView(
                        "napper",
                        "other",
                        OptionalLong.empty(),
                        StatusWord.INOPERATIVE,
                        true,
                        OptionalLong.empty(),
                        0,
                        "",
                        OptionalLong.empty());
        board.apply(
                new WatchEvent.Snapshot(
                        9, 3_000, List.of(running("napper", 300, 2_500, 2), changedDefinition), List.of()));
        assertEquals(List.of(running("napper", 300, 2_500, 2)), board.subsystems());
        assertEquals(List.of(), board.subservers());
        assertEquals(9, board.sequence());
    }

    @Test
    void aLostNoticeChangesNothingItsSnapshotFollows() {
        StatusBoard board = boardWithNapper();
        assertFalse(board.apply(new WatchEvent.Lost(4, 9_000, 3)));
        assertEquals(List.of(running("napper", 100, 500, 0)), board.subsystems());
        assertEquals(1_000, board.atMillis());
    }

    @Test
    void definitionsAddAndRemoveInoperativeLinesButNeverARunningOne() {
        StatusBoard board = boardWithNapper();
        var sshd = Defs.subsystem("sshd").group("tcpip").build();
        assertTrue(
                board.apply(
                        new WatchEvent.Changed(
                                5, 2_000, new WatchChange.Definition(WatchChange.DefinitionKind.ADDED, sshd))));
        assertEquals(List.of("napper", "sshd"), board.subsystems().stream().map(InstanceView::name).toList());
        assertEquals("tcpip", board.subsystems().get(1).group());
        assertEquals(StatusWord.INOPERATIVE, board.subsystems().get(1).status());

        board.apply(
                new WatchEvent.Changed(6, 2_000, new WatchChange.Definition(WatchChange.DefinitionKind.REMOVED, sshd)));
        var napper = Defs.subsystem("napper").group("naps").build();
        board.apply(
                new WatchEvent.Changed(
                        7, 2_000, new WatchChange.Definition(WatchChange.DefinitionKind.REMOVED, napper)));
        assertEquals(List.of(running("napper", 100, 500, 0)), board.subsystems());
    }

    @Test
    void subserversAreAddedChangedAndRemovedByTypeAndSubsystem() {
        StatusBoard board = boardWithNapper();
        board.apply(
                new WatchEvent.Changed(
                        5,
                        0,
                        new WatchChange.Subserver(
                                WatchChange.DefinitionKind.CHANGED, new SubserverDef("daytime", "inetd", 14))));
        board.apply(
                new WatchEvent.Changed(
                        6,
                        0,
                        new WatchChange.Subserver(
                                WatchChange.DefinitionKind.ADDED, new SubserverDef("echo", "inetd", 7))));
        assertEquals(
                List.of(new SubserverDef("daytime", "inetd", 14), new SubserverDef("echo", "inetd", 7)),
                board.subservers());
        board.apply(
                new WatchEvent.Changed(
                        7,
                        0,
                        new WatchChange.Subserver(
                                WatchChange.DefinitionKind.REMOVED, new SubserverDef("daytime", "inetd", 14))));
        assertEquals(List.of(new SubserverDef("echo", "inetd", 7)), board.subservers());
    }

    @Test
    void aFrameIsOneServerSentEventWithTheBoardAsJsonOnOneLine() {
        StatusBoard board = boardWithNapper();
        WatchEvent.Changed respawn =
                instance(5, 2_000, WatchChange.InstanceKind.RESPAWNED, OptionalLong.of(200), StatusWord.ACTIVE, "");
        board.apply(respawn);
        assertEquals(
                "event: change\nid: 5\ndata: {\"sequence\":5,\"at_millis\":2000,"
                        + "\"change\":{\"kind\":\"respawned\",\"subsystem\":\"napper\",\"pid\":200,\"status\":\"active\",\"exit\":\"\"},"
                        + "\"subsystems\":[{\"subsystem\":\"napper\",\"group\":\"naps\",\"pid\":200,\"status\":\"active\","
                        + "\"since_epoch_ms\":2000,\"restarts\":1,\"last_exit\":\"\",\"display\":true}],"
                        + "\"subservers\":[{\"sub_type\":\"daytime\",\"subsysname\":\"inetd\",\"sub_code\":13}]}\n\n",
                StatusPage.frame(respawn, board));
    }

    /** Frames of every kind, with text that needs escaping and absent values. */
    static List<String> oddFrames() {
        StatusBoard board = new StatusBoard();
        WatchEvent.Snapshot snapshot =
                new WatchEvent.Snapshot(
                        9,
                        3_000,
                        List.of(
                                running("n\"a\\p\u0001 \u2603 \uD83D\uDE00", 100, 500, 2),
                                new InstanceView(
                                        "down",
                                        "",
                                        OptionalLong.empty(),
                                        StatusWord.INOPERATIVE,
                                        false,
                                        OptionalLong.empty(),
                                        0,
                                        "exit 1\n</script>",
                                        OptionalLong.empty())),
                        List.of(new SubserverDef("t\"ftp", "inetd", -1)));
        board.apply(snapshot);
        List<String> frames = new java.util.ArrayList<>();
        frames.add(StatusPage.frame(snapshot, board));
        List<WatchEvent.Changed> changes =
                List.of(
                        instance(
                                10,
                                3_100,
                                WatchChange.InstanceKind.ENDED,
                                OptionalLong.empty(),
                                StatusWord.INOPERATIVE,
                                "signal 9"),
                        new WatchEvent.Changed(
                                11,
                                3_200,
                                new WatchChange.Definition(
                                        WatchChange.DefinitionKind.ADDED, Defs.subsystem("sshd").build())),
                        new WatchEvent.Changed(
                                12,
                                3_300,
                                new WatchChange.Subserver(
                                        WatchChange.DefinitionKind.REMOVED, new SubserverDef("t\"ftp", "inetd", -1))));
        for (WatchEvent.Changed c : changes) {
            board.apply(c);
            frames.add(StatusPage.frame(c, board));
        }
        return frames;
    }

    @Test
    void framesAreTheTextTheObjectMapperVersionWrote() throws Exception {
        // frames.txt: these frames as StatusPage wrote them with databind's JsonNode (non-BMP characters unescaped)
        try (var in = StatusBoardTest.class.getResourceAsStream("frames.txt")) {
            assertEquals(
                    new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    String.join("", oddFrames()));
        }
    }
}
