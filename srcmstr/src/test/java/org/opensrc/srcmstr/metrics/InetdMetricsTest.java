package org.opensrc.srcmstr.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import org.junit.jupiter.api.Test;
import org.opensrc.srcmstr.registry.Defs;
import org.opensrc.srcmstr.registry.Registry;
import org.opensrc.srcmstr.registry.SubserverDef;
import org.opensrc.srcmstr.supervise.InstanceView;
import org.opensrc.srcmstr.supervise.StatusWord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

class InetdMetricsTest {

    /** Answers from a table by pid, recording who was asked; a pid not in the table never answers. */
    private static final class FakeSuperServers implements SuperServers {
        final Map<Integer, CountersAnswer> answers = new HashMap<>();
        final List<Integer> asked = new ArrayList<>();

        @Override
        public CompletableFuture<CountersAnswer> serviceCounters(int pid, Duration deadline) {
            asked.add(pid);
            CountersAnswer answer = answers.get(pid);
            return answer == null ? new CompletableFuture<>() : CompletableFuture.completedFuture(answer);
        }
    }

    private static InstanceView running(String name, long pid) {
        return new InstanceView(
                name,
                "tcpip",
                OptionalLong.of(pid),
                StatusWord.ACTIVE,
                true,
                OptionalLong.of(1_796_604_112_417L),
                0,
                "",
                OptionalLong.empty());
    }

    private static InstanceView stopped(String name) {
        return new InstanceView(
                name,
                "tcpip",
                OptionalLong.empty(),
                StatusWord.INOPERATIVE,
                true,
                OptionalLong.empty(),
                0,
                "",
                OptionalLong.empty());
    }

    private static String text(MetricSnapshots snapshots) throws IOException {
        var out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, snapshots, EscapingScheme.ALLOW_UTF8);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static InetdMetrics.Answered answered(String subsystem, int pid, CountersAnswer answer) {
        return new InetdMetrics.Answered(new InetdMetrics.Owner(subsystem, pid), answer);
    }

    private static final Registry INETD_AND_SSHD =
            new Registry(
                    List.of(Defs.subsystem("inetd").build(), Defs.subsystem("sshd").build()),
                    List.of(new SubserverDef("daytime", "inetd", 13), new SubserverDef("ftp", "inetd", 21)),
                    List.of());

    @Test
    void theServicesOfAnAnsweringInetdInTheTextFormat() throws IOException {
        String text =
                text(
                        InetdMetrics.snapshots(
                                List.of(
                                        answered(
                                                "inetd",
                                                4711,
                                                new CountersAnswer.Counted(
                                                        List.of(
                                                                new ServiceCount("daytime", "tcp", "*", 3, 1, 2, 0),
                                                                new ServiceCount(
                                                                        "echo", "udp6", "::1", 5, 0, 0, 1)))))));
        assertTrue(text.contains("# TYPE opensrc_inetd_up gauge\nopensrc_inetd_up{subsystem=\"inetd\"} 1.0\n"), text);
        String daytime = "{address=\"*\",protocol=\"tcp\",service=\"daytime\",subsystem=\"inetd\"}";
        assertTrue(text.contains("# TYPE opensrc_inetd_connections_accepted_total counter\n"), text);
        assertTrue(text.contains("opensrc_inetd_connections_accepted_total" + daytime + " 3.0\n"), text);
        assertTrue(text.contains("opensrc_inetd_connections_refused_total" + daytime + " 1.0\n"), text);
        assertTrue(text.contains("opensrc_inetd_connections_rate_limited_total" + daytime + " 2.0\n"), text);
        assertTrue(text.contains("# TYPE opensrc_inetd_servers_running gauge\n"), text);
        assertTrue(text.contains("opensrc_inetd_servers_running" + daytime + " 0.0\n"), text);
        assertTrue(
                text.contains(
                        "opensrc_inetd_connections_accepted_total"
                                + "{address=\"::1\",protocol=\"udp6\",service=\"echo\",subsystem=\"inetd\"} 5.0\n"),
                text);
    }

    @Test
    void anInetdThatDoesNotAnswerIsDownAndHasNoServiceSeries() throws IOException {
        String text =
                text(
                        InetdMetrics.snapshots(
                                List.of(answered("inetd", 4711, new CountersAnswer.Unanswered("no answer in time")))));
        assertTrue(text.contains("opensrc_inetd_up{subsystem=\"inetd\"} 0.0\n"), text);
        assertFalse(text.contains("opensrc_inetd_connections_accepted_total{"), text);
    }

    @Test
    void aSubsystemWithoutServiceCountersExportsNothing() throws IOException {
        String text = text(InetdMetrics.snapshots(List.of(answered("sample", 4711, new CountersAnswer.NotOffered()))));
        assertFalse(text.contains("subsystem=\"sample\""), text);
    }

    @Test
    void aServiceNamedTwiceIsCountedOnceByItsFirstEntry() throws IOException {
        String text =
                text(
                        InetdMetrics.snapshots(
                                List.of(
                                        answered(
                                                "inetd",
                                                4711,
                                                new CountersAnswer.Counted(
                                                        List.of(
                                                                new ServiceCount("daytime", "tcp", "*", 3, 0, 0, 0),
                                                                new ServiceCount(
                                                                        "daytime", "tcp", "*", 9, 0, 0, 0)))))));
        assertTrue(
                text.contains(
                        "opensrc_inetd_connections_accepted_total"
                                + "{address=\"*\",protocol=\"tcp\",service=\"daytime\",subsystem=\"inetd\"} 3.0\n"),
                text);
        assertFalse(text.contains(" 9.0\n"), text);
    }

    @Test
    void onlyRunningSubsystemsThatOwnSubserversAndTakeRequestsAreAsked() {
        var registry =
                new Registry(
                        List.of(
                                Defs.subsystem("inetd").build(),
                                Defs.subsystem("sshd").build(),
                                Defs.subsystem("xinetd").build(),
                                Defs.subsystem("signalled").signals("SIGTERM", "SIGKILL").build()),
                        List.of(
                                new SubserverDef("daytime", "inetd", 13),
                                new SubserverDef("ftp", "xinetd", 21),
                                new SubserverDef("tftp", "signalled", 69)),
                        List.of());
        assertEquals(
                List.of(new InetdMetrics.Owner("inetd", 100)),
                InetdMetrics.owners(
                        List.of(
                                running("inetd", 100),
                                running("sshd", 101),
                                stopped("xinetd"),
                                running("signalled", 102)),
                        registry));
    }

    @Test
    void duringAChssysOfARunningInetdItsRunningInstanceIsAskedOnce() {
        assertEquals(
                List.of(new InetdMetrics.Owner("inetd", 100)),
                InetdMetrics.owners(List.of(running("inetd", 100), stopped("inetd")), INETD_AND_SSHD));
    }

    @Test
    void aScrapeAsksEveryOwnerAndExportsWhatEachAnswered() throws IOException {
        var registry =
                new Registry(
                        List.of(Defs.subsystem("inetd").build(), Defs.subsystem("inetd2").build()),
                        List.of(new SubserverDef("daytime", "inetd", 13), new SubserverDef("time", "inetd2", 37)),
                        List.of());
        var superServers = new FakeSuperServers();
        superServers.answers.put(
                100, new CountersAnswer.Counted(List.of(new ServiceCount("daytime", "tcp", "*", 4, 0, 0, 0))));
        // pid 200 never answers: the scrape's wait for it ends at the deadline (zero here)
        var metrics =
                new InetdMetrics(
                        () -> List.of(running("inetd", 100), running("inetd2", 200)),
                        () -> registry,
                        superServers,
                        Duration.ZERO);

        String text = text(metrics.collect());

        assertEquals(List.of(100, 200), superServers.asked);
        assertTrue(text.contains("opensrc_inetd_up{subsystem=\"inetd\"} 1.0\n"), text);
        assertTrue(text.contains("opensrc_inetd_up{subsystem=\"inetd2\"} 0.0\n"), text);
        assertTrue(
                text.contains(
                        "opensrc_inetd_connections_accepted_total"
                                + "{address=\"*\",protocol=\"tcp\",service=\"daytime\",subsystem=\"inetd\"} 4.0\n"),
                text);
    }
}
