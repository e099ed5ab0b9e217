package org.opensrc.srcmstr.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.junit.jupiter.api.Test;
import org.opensrc.srcmstr.supervise.InstanceView;
import org.opensrc.srcmstr.supervise.StatusWord;
import org.opensrc.srcmstr.supervise.WatchBuffer;
import org.opensrc.srcmstr.supervise.WatchChange;
import org.opensrc.srcmstr.supervise.WatchEvent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;

class SubsystemChangesTest {

    private static String text(PrometheusRegistry registry) throws IOException {
        var out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape(), EscapingScheme.ALLOW_UTF8);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static WatchEvent.Changed change(long sequence, WatchChange.InstanceKind kind, StatusWord status) {
        return new WatchEvent.Changed(
                sequence,
                0,
                new WatchChange.Instance(
                        kind, "sshd", "tcpip", OptionalLong.empty(), OptionalLong.empty(), status, "signal 9"));
    }

    @Test
    void respawnsAndTheRespawnLimitStartAtZeroAndCountUp() throws IOException {
        var registry = new PrometheusRegistry();
        try (var changes = SubsystemChanges.start(registry, new WatchBuffer(8))) {
            changes.count(
                    new WatchEvent.Snapshot(
                            0,
                            0,
                            List.of(
                                    new InstanceView(
                                            "sshd",
                                            "tcpip",
                                            OptionalLong.empty(),
                                            StatusWord.INOPERATIVE,
                                            true,
                                            OptionalLong.empty(),
                                            0,
                                            "",
                                            OptionalLong.empty())),
                            List.of()));
            String before = text(registry);
            assertTrue(
                    before.contains(
                            "opensrc_subsystem_changes_total{change=\"respawn_limit\",group=\"tcpip\",subsystem=\"sshd\"}"
                                    + " 0.0\n"),
                    before);
            assertTrue(
                    before.contains(
                            "opensrc_subsystem_changes_total{change=\"respawned\",group=\"tcpip\",subsystem=\"sshd\"}"
                                    + " 0.0\n"),
                    before);

            changes.count(change(1, WatchChange.InstanceKind.ENDED, StatusWord.INOPERATIVE));
            changes.count(change(2, WatchChange.InstanceKind.RESPAWNED, StatusWord.ACTIVE));
            changes.count(change(3, WatchChange.InstanceKind.ENDED, StatusWord.INOPERATIVE));
            changes.count(change(4, WatchChange.InstanceKind.RESPAWN_LIMIT, StatusWord.INOPERATIVE));

            String after = text(registry);
            assertTrue(
                    after.contains(
                            "opensrc_subsystem_changes_total{change=\"ended\",group=\"tcpip\",subsystem=\"sshd\"}"
                                    + " 2.0\n"),
                    after);
            assertTrue(
                    after.contains(
                            "opensrc_subsystem_changes_total{change=\"respawn_limit\",group=\"tcpip\",subsystem=\"sshd\"}"
                                    + " 1.0\n"),
                    after);
            assertTrue(
                    after.contains(
                            "opensrc_subsystem_changes_total{change=\"respawned\",group=\"tcpip\",subsystem=\"sshd\"}"
                                    + " 1.0\n"),
                    after);
        }
    }
}
