package org.opensrc.srcmstr.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.srcmstr.registry.Defs;
import org.opensrc.srcmstr.registry.Registry;
import org.opensrc.srcmstr.registry.SubserverDef;
import org.opensrc.srcmstr.registry.SubsystemDef;
import org.opensrc.srcmstr.supervise.Event;
import org.opensrc.srcmstr.supervise.LoopFixture;
import org.opensrc.srcmstr.supervise.SrcMessage;
import org.opensrc.srcmstr.trust.RootPrograms;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

class ForwardedRequestsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Daemons on paper: records what was sent, answers from a script (default: done, packet "rows of PID"). */
    static final class ScriptedDaemons implements Daemons<String> {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final List<Duration> timeouts = new CopyOnWriteArrayList<>();

        /** One permit per request sent. */
        final Semaphore sends = new Semaphore(0);

        private final Deque<CompletableFuture<DaemonReply<String>>> script = new ArrayDeque<>();

        synchronized void next(CompletableFuture<DaemonReply<String>> reply) {
            script.add(reply);
        }

        @Override
        public synchronized CompletableFuture<DaemonReply<String>> send(
                int pid, DaemonRequest request, Duration timeout) {
            sent.add(pid + " " + request);
            timeouts.add(timeout);
            sends.release();
            var scripted = script.poll();
            return scripted != null
                    ? scripted
                    : CompletableFuture.completedFuture(new DaemonReply<>(Optional.empty(), "rows of " + pid));
        }
    }

    private final LoopFixture fixture = new LoopFixture();
    private final ScriptedDaemons daemons = new ScriptedDaemons();
    private final SubsystemDef inetd = Defs.subsystem("inetd").group("tcpip").build();
    private final SubsystemDef portmap = Defs.subsystem("portmap").group("tcpip").build();
    private final SubsystemDef syslogd = Defs.subsystem("syslogd").signals("SIGTERM", "SIGKILL").group("ras").build();
    private final Registry registry =
            Registry.EMPTY
                    .withSubsystems(List.of(inetd, portmap, syslogd))
                    .withSubservers(List.of(new SubserverDef("ftp", "inetd", 21)));
    private final SupervisionRequests supervision =
            new SupervisionRequests(fixture.loop(), () -> registry, List::of, RootPrograms.none());
    private final ForwardedRequests<String> forwarded =
            new ForwardedRequests<>(supervision, () -> registry, daemons, TIMEOUT, fixture.clock());

    @AfterEach
    void close() throws InterruptedException {
        fixture.close();
    }

    /** Starts {@code name}, whose daemon attaches to the subsystem API (it is SRC-aware). */
    private long running(String name) throws Exception {
        long pid = runningNotAttached(name);
        fixture.submit(new Event.Attached(pid));
        fixture.settle();
        return pid;
    }

    /** Starts {@code name}, whose daemon never attaches (a program that is not SRC-aware). */
    private long runningNotAttached(String name) {
        supervision.start(new Scope.Subsystem(name), "", "", 0);
        return supervision.onePid(name, 0).orElseThrow();
    }

    private static Refused refusalOf(CompletableFuture<?> answer) throws Exception {
        var failure = assertThrows(ExecutionException.class, () -> answer.get(5, TimeUnit.SECONDS));
        return (Refused) failure.getCause();
    }

    @Test
    void aRunningSubsystemThatNeverAttachesAnswers056AfterTheReplyTimeoutNot036() throws Exception {
        runningNotAttached("inetd");
        long limit = fixture.now() + TIMEOUT.toMillis();
        var answer = CompletableFuture.supplyAsync(() -> forwarded.longStatus(new Scope.Subsystem("inetd")));
        fixture.awaitTimerAt(limit);
        assertFalse(answer.isDone());
        fixture.advance(TIMEOUT.toMillis() - 1);
        assertFalse(answer.isDone());
        fixture.advance(1);
        Refused refused = refusalOf(answer);
        assertEquals(Refused.Why.TIMEOUT, refused.why());
        assertEquals(new SrcMessage(SrcCode.SRC_CODE_NORPLY, List.of("inetd")), refused.message());
        assertEquals(List.of(), daemons.sent);
    }

    @Test
    void whileOneRequestWaitsForItsDaemonOtherRequestsAreAnswered() throws Exception {
        runningNotAttached("inetd");
        long portmap = running("portmap");
        long limit = fixture.now() + TIMEOUT.toMillis();
        var waiting = CompletableFuture.supplyAsync(() -> forwarded.refresh(new Scope.Subsystem("inetd")));
        fixture.awaitTimerAt(limit);
        assertEquals(
                List.of(Answer.of("portmap", SrcCode.SRC_CODE_REFOK)),
                forwarded.refresh(new Scope.Subsystem("portmap")));
        assertEquals(2, supervision.status(new Scope.Group("tcpip"), false).size());
        assertFalse(waiting.isDone());
        fixture.advance(TIMEOUT.toMillis());
        assertEquals(SrcCode.SRC_CODE_NORPLY, refusalOf(waiting).message().code());
        assertEquals(List.of(portmap + " Refresh[]"), daemons.sent);
    }

    @Test
    void aDaemonThatAttachesWithinTheTimeoutGetsTheRequestWithTheTimeLeft() throws Exception {
        long pid = runningNotAttached("inetd");
        long limit = fixture.now() + TIMEOUT.toMillis();
        var answer = CompletableFuture.supplyAsync(() -> forwarded.trace(new Scope.Subsystem("inetd"), true, false));
        fixture.awaitTimerAt(limit);
        fixture.advance(20_000);
        fixture.submit(new Event.Attached(pid));
        assertEquals(List.of(Answer.of("inetd", SrcCode.SRC_CODE_TRACONOK)), answer.get(5, TimeUnit.SECONDS));
        assertEquals(List.of(TIMEOUT.minusMillis(20_000)), daemons.timeouts);
        assertFalse(fixture.hasTimerAt(limit));
    }

    @Test
    void aDaemonThatEndsWhileTheRequestWaitsAnswers036AtOnce() throws Exception {
        long pid = runningNotAttached("inetd");
        long limit = fixture.now() + TIMEOUT.toMillis();
        var answer = CompletableFuture.supplyAsync(() -> forwarded.refresh(new Scope.Subsystem("inetd")));
        fixture.awaitTimerAt(limit);
        fixture.die(pid);
        assertEquals(new SrcMessage(SrcCode.SRC_CODE_NSVR, List.of("inetd")), refusalOf(answer).message());
    }

    @Test
    void aGroupMemberThatNeverAttachesDoesNotHoldUpTheOthersOrTheirShareOfTheTimeout() throws Exception {
        long inetd = running("inetd");
        runningNotAttached("portmap");
        long limit = fixture.now() + TIMEOUT.toMillis();
        var answer = CompletableFuture.supplyAsync(() -> forwarded.refresh(new Scope.Group("tcpip")));
        fixture.awaitTimerAt(limit);
        assertTrue(daemons.sends.tryAcquire(5, TimeUnit.SECONDS));
        assertEquals(List.of(inetd + " Refresh[]"), daemons.sent);
        assertEquals(List.of(TIMEOUT), daemons.timeouts);
        assertFalse(answer.isDone());
        fixture.advance(TIMEOUT.toMillis());
        assertEquals(
                List.of(
                        Answer.of("inetd", SrcCode.SRC_CODE_REFOK),
                        Answer.of("portmap", SrcCode.SRC_CODE_NORPLY, "portmap")),
                answer.get(5, TimeUnit.SECONDS));
    }

    private static Refused refusal(Runnable request) {
        return assertThrows(Refused.class, request::run);
    }

    @Test
    void refreshAsksTheRunningDaemonAndAnswers006() throws Exception {
        long pid = running("inetd");
        assertEquals(
                List.of(Answer.of("inetd", SrcCode.SRC_CODE_REFOK)), forwarded.refresh(new Scope.Subsystem("inetd")));
        assertEquals(List.of(pid + " Refresh[]"), daemons.sent);
    }

    @Test
    void aSignalSubsystemIsRefused005AndANotRunningOne036() throws Exception {
        Refused signal = refusal(() -> forwarded.refresh(new Scope.Subsystem("syslogd")));
        assertEquals(new SrcMessage(SrcCode.SRC_CODE_CONT, List.of("syslogd")), signal.message());
        Refused stopped = refusal(() -> forwarded.trace(new Scope.Subsystem("inetd"), true, false));
        assertEquals(Refused.Why.PRECONDITION, stopped.why());
        assertEquals(new SrcMessage(SrcCode.SRC_CODE_NSVR, List.of("inetd")), stopped.message());
        assertEquals(List.of(), daemons.sent);
    }

    @Test
    void refreshOfAGroupKeepsEachMembersRefusalAsAnAnswer() throws Exception {
        running("inetd");
        assertEquals(
                List.of(
                        Answer.of("inetd", SrcCode.SRC_CODE_REFOK),
                        Answer.of("portmap", SrcCode.SRC_CODE_NSVR, "portmap")),
                forwarded.refresh(new Scope.Group("tcpip")));
    }

    @Test
    void aDaemonThatDoesNotAnswerInTimeIsRefusedWithItsMessageAsATimeout() throws Exception {
        running("inetd");
        daemons.next(
                CompletableFuture.failedFuture(new Daemons.Unreachable(SrcCode.SRC_CODE_NORPLY, true, "no reply")));
        Refused refused = refusal(() -> forwarded.refresh(new Scope.Subsystem("inetd")));
        assertEquals(Refused.Why.TIMEOUT, refused.why());
        assertEquals(new SrcMessage(SrcCode.SRC_CODE_NORPLY, List.of("inetd")), refused.message());
    }

    @Test
    void aDaemonsRefusalWithoutArgumentsIsAboutItsSubsystem() throws Exception {
        running("inetd");
        daemons.next(
                CompletableFuture.completedFuture(
                        new DaemonReply<>(Optional.of(SrcMessage.of(SrcCode.SRC_CODE_BADSOCK)), "")));
        assertEquals(
                List.of(Answer.of("inetd", SrcCode.SRC_CODE_BADSOCK, "inetd")),
                forwarded.trace(new Scope.Subsystem("inetd"), false, false));
    }

    @Test
    void longStatusPassesThePacketOnWithTheSubsystemsOwnLine() throws Exception {
        long pid = running("inetd");
        var status = forwarded.longStatus(new Scope.Subsystem("inetd"));
        assertEquals("rows of " + pid, status.rows());
        assertEquals("inetd", status.subsystem().orElseThrow().view().name());
        assertEquals(List.of(), status.answers());
        assertEquals(List.of(pid + " Status[longForm=true]"), daemons.sent);
    }

    @Test
    void subserverStartOfAStoppedOwnerStartsItWaitsForItToAttachThenAsks() throws Exception {
        long limit = fixture.now() + TIMEOUT.toMillis();
        var answer = CompletableFuture.supplyAsync(() -> forwarded.startSubserver(new SubserverRef("ftp", "", 0, 0)));
        fixture.awaitTimerAt(limit);
        assertFalse(answer.isDone());
        assertEquals(List.of(), daemons.sent);
        fixture.submit(new Event.Attached(1000));
        assertEquals(
                List.of(
                        Answer.of("inetd", SrcCode.SRC_CODE_STRTOK, "inetd", "1000"),
                        Answer.of("inetd", SrcCode.SRC_CODE_STRTSVROK, "ftp")),
                answer.get(5, TimeUnit.SECONDS));
        assertEquals(
                List.of(
                        "1000 Subserver[action=START, type=ftp, codePoint=21, object=, subserverPid=0, forced=false, "
                                + "longForm=false, on=false]"),
                daemons.sent);
        assertFalse(fixture.hasTimerAt(limit));
    }

    @Test
    void subserverStartWhoseOwnerDiesBeforeAttachingEndsWithoutWaitingTheTimeout() throws Exception {
        long limit = fixture.now() + TIMEOUT.toMillis();
        var answer = CompletableFuture.supplyAsync(() -> forwarded.startSubserver(new SubserverRef("ftp", "", 0, 0)));
        fixture.awaitTimerAt(limit);
        daemons.next(
                CompletableFuture.failedFuture(new Daemons.Unreachable(SrcCode.SRC_CODE_NSVR, false, "not attached")));
        fixture.die(1000);
        var failure =
                assertThrows(java.util.concurrent.ExecutionException.class, () -> answer.get(5, TimeUnit.SECONDS));
        Refused refused = (Refused) failure.getCause();
        assertEquals(Refused.Why.UNREACHABLE, refused.why());
    }

    @Test
    void anUnknownSubserverTypeIsRefused() throws Exception {
        Refused refused = refusal(() -> forwarded.stopSubserver(new SubserverRef("gopher", "", 0, 0), false));
        assertEquals(new SrcMessage(SrcCode.SRC_CODE_TYPE, List.of("gopher")), refused.message());
    }

    @Test
    void tracesonOfASubserverAnswersTheSubsystemTraceMessages() throws Exception {
        long pid = running("inetd");
        assertEquals(
                List.of(Answer.of("inetd", SrcCode.SRC_CODE_TRACONOK)),
                forwarded.traceSubserver(new SubserverRef("ftp", "", 0, 0), true, false));
        daemons.next(
                CompletableFuture.completedFuture(
                        new DaemonReply<>(Optional.of(SrcMessage.of(SrcCode.SRC_CODE_BADSOCK)), "")));
        assertEquals(
                List.of(Answer.of("inetd", SrcCode.SRC_CODE_TRACOFFFAIL)),
                forwarded.traceSubserver(new SubserverRef("ftp", "", 0, (int) pid), false, false));
    }
}
