package org.opensrc.srcmstr.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import org.junit.jupiter.api.Test;
import org.opensrc.srcmstr.supervise.InstanceView;
import org.opensrc.srcmstr.supervise.StatusWord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

class SubsystemMetricsTest {

    private static InstanceView running(String name, long pid, StatusWord status, long sinceMs, int restarts) {
        return new InstanceView(
                name,
                "tcpip",
                OptionalLong.of(pid),
                status,
                true,
                OptionalLong.of(sinceMs),
                restarts,
                "signal 9",
                OptionalLong.empty());
    }

    private static InstanceView stopped(String name, String group, String lastExit) {
        return new InstanceView(
                name,
                group,
                OptionalLong.empty(),
                StatusWord.INOPERATIVE,
                false,
                OptionalLong.empty(),
                0,
                lastExit,
                OptionalLong.empty());
    }

    private static String text(MetricSnapshots snapshots) throws IOException {
        var out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, snapshots, EscapingScheme.ALLOW_UTF8);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRunningAndAStoppedSubsystemInTheTextFormat() throws IOException {
        String text =
                text(
                        SubsystemMetrics.snapshots(
                                List.of(
                                        running("sshd", 4711, StatusWord.ACTIVE, 1_796_604_112_417L, 1),
                                        stopped("xntpd", "", "exit 3"))));
        assertTrue(text.contains("# TYPE opensrc_subsystem_up gauge\n"), text);
        assertTrue(text.contains("opensrc_subsystem_up{group=\"tcpip\",subsystem=\"sshd\"} 1.0\n"), text);
        assertTrue(text.contains("opensrc_subsystem_up{group=\"\",subsystem=\"xntpd\"} 0.0\n"), text);
        assertTrue(
                text.contains("opensrc_subsystem_state{group=\"tcpip\",state=\"active\",subsystem=\"sshd\"} 1.0\n"),
                text);
        assertTrue(
                text.contains(
                        "opensrc_subsystem_state{group=\"tcpip\",state=\"warned_to_stop\",subsystem=\"sshd\"} 0.0\n"),
                text);
        assertTrue(
                text.contains("opensrc_subsystem_state{group=\"\",state=\"inoperative\",subsystem=\"xntpd\"} 1.0\n"),
                text);
        assertTrue(text.contains("# TYPE opensrc_subsystem_restarts_total counter\n"), text);
        assertTrue(text.contains("opensrc_subsystem_restarts_total{group=\"tcpip\",subsystem=\"sshd\"} 1.0\n"), text);
        assertTrue(
                text.contains("opensrc_subsystem_last_exit_status{group=\"tcpip\",subsystem=\"sshd\"} 137.0\n"), text);
        assertTrue(text.contains("opensrc_subsystem_last_exit_status{group=\"\",subsystem=\"xntpd\"} 3.0\n"), text);
        assertTrue(
                text.contains(
                        "opensrc_subsystem_state_since_seconds{group=\"tcpip\",subsystem=\"sshd\"} 1.796604112417E9\n"),
                text);
        assertTrue(!text.contains("opensrc_subsystem_state_since_seconds{group=\"\""), text);
    }

    @Test
    void aSubsystemChangedWhileItRunsIsCountedOnceAsTheRunningOne() throws IOException {
        String text =
                text(
                        SubsystemMetrics.snapshots(
                                List.of(
                                        running("sshd", 4711, StatusWord.ACTIVE, 1000, 0),
                                        stopped("sshd", "tcpip", ""))));
        assertEquals(1, text.lines().filter(l -> l.startsWith("opensrc_subsystem_up{")).count(), text);
        assertTrue(text.contains("opensrc_subsystem_up{group=\"tcpip\",subsystem=\"sshd\"} 1.0\n"), text);
    }

    @Test
    void exitStatusAsAShellShowsIt() {
        assertEquals(OptionalInt.of(0), SubsystemMetrics.exitStatus("exit 0"));
        assertEquals(OptionalInt.of(143), SubsystemMetrics.exitStatus("signal 15"));
        assertEquals(OptionalInt.empty(), SubsystemMetrics.exitStatus("unknown"));
        assertEquals(OptionalInt.empty(), SubsystemMetrics.exitStatus(""));
        assertEquals(OptionalInt.empty(), SubsystemMetrics.exitStatus("exit x"));
    }
}
