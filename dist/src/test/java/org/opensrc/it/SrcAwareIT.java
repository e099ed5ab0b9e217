package org.opensrc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.proto.v1.LongStatusReply;
import org.opensrc.proto.v1.LongStatusRequest;
import org.opensrc.proto.v1.Target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Every request type of the subsystem API, end to end, with the sample SRC-aware daemon. */
class SrcAwareIT {

    static SrcRoot src;

    @BeforeAll
    static void start() throws Exception {
        src = SrcRoot.start();
        Path conf = src.root.resolve("sample.conf");
        Files.writeString(conf, "one\ntwo\n");
        var made =
                src.run(
                        "mkssys",
                        "-s",
                        "sample",
                        "-p",
                        SrcRoot.TREE.resolve("lib/opensrc-run").toString(),
                        "-a",
                        "daemon sample -c " + conf,
                        "-u",
                        "0",
                        "-G",
                        "demo");
        assertEquals(0, made.status(), made.toString());
        assertEquals(0, src.run("mkserver", "-s", "sample", "-t", "alpha", "-c", "1").status());
        assertEquals(0, src.run("mkserver", "-s", "sample", "-t", "beta", "-c", "2").status());
        assertEquals(
                0,
                src.run(
                                "mkssys",
                                "-s",
                                "sigsub",
                                "-p",
                                "/bin/sleep",
                                "-a",
                                "300",
                                "-u",
                                "0",
                                "-S",
                                "-n",
                                "15",
                                "-f",
                                "9")
                        .status());
        var started = src.run("startsrc", "-s", "sample");
        assertTrue(started.out().startsWith("0513-059 The sample Subsystem has been started."), started.toString());
        src.awaitAttached("sample");
    }

    @AfterAll
    static void stop() throws Exception {
        src.close();
    }

    @Test
    void longStatusPrintsTheShortStatusFirstThenTheDaemonsRows() {
        var r = src.run("lssrc", "-ls", "sample");
        assertEquals(0, r.status(), r.toString());
        List<String> lines = r.lines();
        assertEquals("Subsystem         Group            PID          Status", lines.get(0));
        assertTrue(lines.get(1).startsWith(" sample           demo             "), r.toString());
        assertTrue(lines.get(1).endsWith("active"), r.toString());
        assertTrue(r.out().contains(" Debug"), r.toString());
        assertTrue(lines.contains(""), "blank rows print as blank lines:\n" + r);
    }

    @Test
    void refreshAndTracingAnswerWithTheAixMessages() {
        assertEquals(
                "0513-095 The request for subsystem refresh was completed successfully.\n",
                src.run("refresh", "-s", "sample").out());
        assertEquals(
                "0513-091 The request to turn on tracing was completed successfully.\n",
                src.run("traceson", "-l", "-s", "sample").out());
        assertEquals(
                "0513-093 The request to turn off tracing was completed successfully.\n",
                src.run("tracesoff", "-s", "sample").out());
    }

    @Test
    void subserversStartStopAndReportThroughTheDaemon() {
        assertEquals("0513-124 The alpha subserver has been started.\n", src.run("startsrc", "-t", "alpha").out());
        var status = src.run("lssrc", "-t", "alpha");
        assertEquals(0, status.status(), status.toString());
        assertTrue(status.out().contains("alpha"), status.toString());
        assertEquals(
                "0513-127 The alpha subserver was stopped successfully.\n", src.run("stopsrc", "-t", "alpha").out());
        var unknown = src.run("lssrc", "-t", "gamma");
        assertEquals(1, unknown.status());
        assertEquals("0513-008 The subserver type, gamma, is not on file.\n", unknown.out());
    }

    @Test
    void signalSubsystemsAnswer0513005ToEveryForwardedRequest() {
        src.run("startsrc", "-s", "sigsub");
        for (String[] command :
                List.of(
                        new String[] {"lssrc", "-ls", "sigsub"},
                        new String[] {"refresh", "-s", "sigsub"},
                        new String[] {"traceson", "-s", "sigsub"})) {
            var r = src.run(command[0], command[1], command[2]);
            assertEquals(1, r.status(), r.toString());
            assertEquals("0513-005 The Subsystem, sigsub, only supports signal communication.\n", r.out());
        }
        src.run("stopsrc", "-s", "sigsub");
    }

    @Test
    void anInactiveSubsystemAnswers0513036() throws Exception {
        src.run("mkssys", "-s", "idle", "-p", "/bin/sleep", "-a", "300", "-u", "0");
        var r = src.run("refresh", "-s", "idle");
        assertEquals(1, r.status());
        assertEquals(
                "0513-036 The request could not be passed to the idle subsystem.\nStart the subsystem and try your command again.\n",
                r.out());
    }

    @Test
    void aHundredConcurrentLongStatusRequestsAllGetTheirRows() throws Exception {
        try (SrcClient client = SrcClient.localOverGrpcJava(src.socket());
                var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<LongStatusReply>> replies = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                replies.add(
                        pool.submit(
                                () ->
                                        client.control()
                                                .longStatus(
                                                        LongStatusRequest.newBuilder()
                                                                .setTarget(Target.newBuilder().setSubsystem("sample"))
                                                                .build())));
            }
            for (Future<LongStatusReply> reply : replies) {
                LongStatusReply r = reply.get();
                assertEquals("sample", r.getSubsystem().getSubsysname());
                assertTrue(r.getRowsCount() > 1);
            }
        }
        assertEquals(0, src.run("lssrc", "-s", "sample").status());
    }

    @Test
    void aDaemonThatNeverAnswersGets0513056AndSrcmstrKeepsAnswering() throws Exception {
        try (SrcRoot own = SrcRoot.empty()) {
            Files.createDirectories(own.root.resolve("etc/src"));
            Files.writeString(own.root.resolve("etc/src/srcmstr.conf"), "reply.timeout.seconds=2\n");
            own.startSrcmstr();
            own.run(
                    "mkssys",
                    "-s",
                    "mute",
                    "-p",
                    SrcRoot.TREE.resolve("lib/opensrc-run").toString(),
                    "-a",
                    "daemon sample",
                    "-u",
                    "0");
            own.run("startsrc", "-s", "mute", "-e", "SAMPLE_MISBEHAVE=hang");
            SrcRoot.await(
                    Duration.ofSeconds(60), () -> own.run("refresh", "-s", "mute").status() == 0, "mute to attach");
            var silent = own.run("lssrc", "-ls", "mute");
            assertEquals(1, silent.status(), silent.toString());
            assertEquals("0513-056 Timeout waiting for command response.\n", silent.out());
            assertTrue(own.run("lssrc", "-s", "mute").out().contains("active"), "short status is srcmstr's own");
            assertEquals(
                    "0513-095 The request for subsystem refresh was completed successfully.\n",
                    own.run("refresh", "-s", "mute").out());
        }
    }

    @Test
    void aDaemonThatDiesWithARequestInFlightIsReportedAtOnce() throws Exception {
        src.run(
                "mkssys",
                "-s",
                "fragile",
                "-p",
                SrcRoot.TREE.resolve("lib/opensrc-run").toString(),
                "-a",
                "daemon sample",
                "-u",
                "0");
        src.run("startsrc", "-s", "fragile", "-e", "SAMPLE_MISBEHAVE=crash");
        SrcRoot.await(
                Duration.ofSeconds(60), () -> src.run("refresh", "-s", "fragile").status() == 0, "fragile to attach");
        var r = src.run("lssrc", "-ls", "fragile");
        assertEquals(1, r.status(), r.toString());
        // the death fails the request (014, or 036 once it is gone), not the reply timeout (056)
        assertTrue(r.out().startsWith("0513-014") || r.out().startsWith("0513-036"), r.toString());
        SrcRoot.await(
                Duration.ofSeconds(10),
                () -> src.run("lssrc", "-s", "fragile").out().contains("inoperative"),
                "the death");
    }

    @Test
    void aNormalStopGoesThroughTheStopRequestAndTheDaemonExits() throws Exception {
        src.run(
                "mkssys",
                "-s",
                "sample2",
                "-p",
                SrcRoot.TREE.resolve("lib/opensrc-run").toString(),
                "-a",
                "daemon sample",
                "-u",
                "0");
        src.run("startsrc", "-s", "sample2");
        src.awaitAttached("sample2");
        assertEquals(
                "0513-044 The sample2 Subsystem was requested to stop.\n", src.run("stopsrc", "-s", "sample2").out());
        SrcRoot.await(
                Duration.ofSeconds(20),
                () -> src.run("lssrc", "-s", "sample2").out().contains("inoperative"),
                "sample2 to end");
        assertTrue(!src.log().contains("sample2 Subsystem ended abnormally"), src.log());
    }

    @Test
    void aRunningSocketSubsystemThatIsNotSrcAwareAnswers056AfterTheReplyTimeoutWhileOthersGetTheirAnswers()
            throws Exception {
        try (SrcRoot own = SrcRoot.empty();
                var commands = Executors.newVirtualThreadPerTaskExecutor()) {
            Files.createDirectories(own.root.resolve("etc/src"));
            Files.writeString(own.root.resolve("etc/src/srcmstr.conf"), "reply.timeout.seconds=15\n");
            own.startSrcmstr();
            // the AIX default contact (-K), a program that knows nothing of SRC
            assertEquals(0, own.run("mkssys", "-s", "plain", "-p", "/bin/sleep", "-a", "300", "-u", "0").status());
            assertTrue(own.run("startsrc", "-s", "plain").out().contains("0513-059"));
            List<CompletableFuture<SrcRoot.Result>> waiting = new ArrayList<>();
            for (String[] command :
                    List.of(
                            new String[] {"lssrc", "-ls", "plain"},
                            new String[] {"refresh", "-s", "plain"},
                            new String[] {"traceson", "-s", "plain"},
                            new String[] {"tracesoff", "-s", "plain"})) {
                waiting.add(CompletableFuture.supplyAsync(() -> own.run(command[0], command[1], command[2]), commands));
            }
            // the changes are logged when srcmstr takes them in: from then on they wait inside srcmstr
            SrcRoot.await(
                    Duration.ofSeconds(30),
                    () -> {
                        try {
                            return own.log()
                                            .lines()
                                            .filter(l -> l.contains("plain"))
                                            .filter(l -> l.contains("refresh") || l.contains("trace"))
                                            .count()
                                    >= 3;
                        } catch (java.io.IOException e) {
                            return false;
                        }
                    },
                    "refresh and trace requests to reach srcmstr");
            // srcmstr answers others meanwhile: short status, a definition, a forwarded request that fails at once
            var status = own.run("lssrc", "-s", "plain");
            assertTrue(status.out().contains("active"), status.toString());
            assertEquals(0, own.run("mkssys", "-s", "other", "-p", "/bin/true", "-u", "0").status());
            var inactive = own.run("refresh", "-s", "other");
            assertTrue((inactive.out() + inactive.err()).contains("0513-036"), inactive.toString());
            assertTrue(waiting.stream().noneMatch(CompletableFuture::isDone), "the forwarded requests still wait");
            for (CompletableFuture<SrcRoot.Result> answer : waiting) {
                SrcRoot.Result r = answer.get(60, TimeUnit.SECONDS);
                assertEquals(1, r.status(), r.toString());
                assertEquals(
                        "0513-056 Timeout waiting for command response.", (r.out() + r.err()).trim(), r.toString());
            }
            assertTrue(own.run("lssrc", "-s", "plain").out().contains("active"), "it still runs");
        }
    }
}
