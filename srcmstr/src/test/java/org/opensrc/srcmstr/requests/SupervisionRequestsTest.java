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
import org.opensrc.srcmstr.registry.SubsystemDef;
import org.opensrc.srcmstr.supervise.Event;
import org.opensrc.srcmstr.supervise.LoopFixture;
import org.opensrc.srcmstr.supervise.StatusWord;
import org.opensrc.srcmstr.supervise.StopType;
import org.opensrc.srcmstr.trust.RootPrograms;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

class SupervisionRequestsTest {

    private static final long WAIT = 777_000;

    private final LoopFixture fixture = new LoopFixture();
    private final SubsystemDef sendmail =
            Defs.subsystem("sendmail").signals("SIGTERM", "SIGKILL").group("mail").build();
    private final SubsystemDef ready = readiness(Defs.subsystem("named").group("tcpip"));
    private final Registry registry = Registry.EMPTY.withSubsystems(List.of(sendmail, ready));
    private final SupervisionRequests requests =
            new SupervisionRequests(fixture.loop(), () -> registry, List::of, RootPrograms.none());

    @AfterEach
    void close() throws InterruptedException {
        fixture.close();
    }

    private static SubsystemDef readiness(Defs d) {
        d.extensions = new SubsystemDef.Extensions(false, 0, 0, false, true);
        return d.build();
    }

    private static <T> T within5s(CompletableFuture<T> f) throws Exception {
        return f.get(5, TimeUnit.SECONDS);
    }

    @Test
    void startWithoutWaitAnswersAtOnceWithTheStartedPid() {
        assertEquals(
                List.of(Answer.of("sendmail", SrcCode.SRC_CODE_STRTOK, "sendmail", "1000")),
                requests.start(new Scope.Subsystem("sendmail"), "", "", 0));
    }

    @Test
    void startWithWaitReturnsWhenTheDaemonDeclaresReadinessAndCallsOffItsTimeLimit() throws Exception {
        long limit = fixture.now() + WAIT;
        var answer = CompletableFuture.supplyAsync(() -> requests.start(new Scope.Subsystem("named"), "", "", WAIT));
        fixture.awaitTimerAt(limit);
        assertFalse(answer.isDone());
        fixture.submit(new Event.Ready(1000));
        assertEquals(List.of(Answer.of("named", SrcCode.SRC_CODE_STRTOK, "named", "1000")), within5s(answer));
        assertFalse(fixture.hasTimerAt(limit));
        assertEquals(
                StatusWord.ACTIVE, requests.status(new Scope.Subsystem("named"), false).getFirst().view().status());
    }

    @Test
    void startWithWaitEndsWhenTheWaitRunsOutWithTheSameAnswers() throws Exception {
        long limit = fixture.now() + WAIT;
        var answer = CompletableFuture.supplyAsync(() -> requests.start(new Scope.Subsystem("named"), "", "", WAIT));
        fixture.awaitTimerAt(limit);
        fixture.advance(WAIT);
        assertEquals(List.of(Answer.of("named", SrcCode.SRC_CODE_STRTOK, "named", "1000")), within5s(answer));
        assertEquals(
                StatusWord.STARTING, requests.status(new Scope.Subsystem("named"), false).getFirst().view().status());
    }

    @Test
    void stopWithWaitReturnsOnceTheProcessHasEnded() throws Exception {
        requests.start(new Scope.Subsystem("sendmail"), "", "", 0);
        long limit = fixture.now() + WAIT;
        var answer = CompletableFuture.supplyAsync(() -> requests.stop(new Scope.Group("mail"), StopType.NORMAL, WAIT));
        fixture.awaitTimerAt(limit);
        assertEquals(List.of("SIGTERM 1000"), fixture.signals());
        assertFalse(answer.isDone());
        fixture.die(1000);
        assertEquals(List.of(Answer.of("sendmail", SrcCode.SRC_CODE_STPOK, "sendmail")), within5s(answer));
    }

    @Test
    void stopOfAGroupWithNothingRunningAnswers004NamingTheGroup() {
        assertEquals(
                List.of(Answer.of("", SrcCode.SRC_CODE_SVND, "mail")),
                requests.stop(new Scope.Group("mail"), StopType.NORMAL, 0));
        assertEquals(List.of(), requests.stop(new Scope.All(), StopType.FORCED, 0));
    }

    @Test
    void anUnknownSubsystemOrGroupIsRefusedAsNotFound() {
        Refused subsystem = assertThrows(Refused.class, () -> requests.start(new Scope.Subsystem("nosuch"), "", "", 0));
        assertEquals(Refused.Why.NOT_FOUND, subsystem.why());
        assertEquals(SrcCode.SRC_CODE_SUBSYS, subsystem.message().code());
        assertEquals(List.of("nosuch"), subsystem.message().args());
        Refused group = assertThrows(Refused.class, () -> requests.status(new Scope.Group("nosuch"), false));
        assertEquals(SrcCode.SRC_CODE_GROUP, group.message().code());
        assertEquals(0, fixture.spawns());
    }

    @Test
    void statusOfAPidNothingRunsAsIsRefusedNamingThePid() {
        Refused refused = assertThrows(Refused.class, () -> requests.status(new Scope.Pid(4242), false));
        assertEquals(Refused.Why.NOT_FOUND, refused.why());
        assertEquals(SrcCode.SRC_CODE_SVND, refused.message().code());
        assertEquals(List.of("4242"), refused.message().args());
    }

    @Test
    void aWaitOutOfRangeOrAnEnvWordWithoutValueIsRefusedBeforeAnythingStarts() {
        Refused wait =
                assertThrows(
                        Refused.class,
                        () ->
                                requests.start(
                                        new Scope.Subsystem("sendmail"), "", "", SupervisionRequests.WAIT_MAX_MS + 1));
        assertEquals(Refused.Why.INVALID, wait.why());
        assertTrue(wait.message().detail().startsWith("--wait:"), wait.message().detail());
        Refused env =
                assertThrows(Refused.class, () -> requests.start(new Scope.Subsystem("sendmail"), "", "NOVALUE", 0));
        assertEquals(SrcCode.SRC_CODE_PARM, env.message().code());
        Refused quote =
                assertThrows(Refused.class, () -> requests.start(new Scope.Subsystem("sendmail"), "'open", "", 0));
        assertEquals(SrcCode.SRC_CODE_PARM, quote.message().code());
        assertEquals(0, fixture.spawns());
    }

    @Test
    void startsOfAGroupAnswerOncePerMember() {
        Registry twoInMail =
                Registry.EMPTY.withSubsystems(
                        List.of(sendmail, Defs.subsystem("pop3d").signals("SIGTERM", "SIGKILL").group("mail").build()));
        var grouped = new SupervisionRequests(fixture.loop(), () -> twoInMail, List::of, RootPrograms.none());
        List<Answer> answers = grouped.start(new Scope.Group("mail"), "", "", 0);
        // in registry order; the pids in the order the two spawner threads got them
        assertEquals(List.of("sendmail", "pop3d"), answers.stream().map(Answer::subsystem).toList());
        for (Answer a : answers) {
            assertEquals(SrcCode.SRC_CODE_STRTOK, a.message().code());
            assertEquals(a.subsystem(), a.message().args().getFirst());
        }
        assertEquals(
                java.util.Set.of("1000", "1001"),
                answers.stream().map(a -> a.message().args().get(1)).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void afterAGroupChangeOfARunningSubsystemEachGroupListsItsLineAndTheOldGroupStopsTheInstance() {
        var current = new java.util.concurrent.atomic.AtomicReference<>(registry);
        var changing = new SupervisionRequests(fixture.loop(), current::get, List::of, RootPrograms.none());
        changing.start(new Scope.Subsystem("sendmail"), "", "", 0);
        SubsystemDef moved = Defs.subsystem("sendmail").signals("SIGTERM", "SIGKILL").group("smtp").build();
        current.set(Registry.EMPTY.withSubsystems(List.of(moved, ready)));
        assertEquals(List.of("sendmail mail 1000 ACTIVE"), lines(changing.status(new Scope.Group("mail"), false)));
        assertEquals(List.of("sendmail smtp - INOPERATIVE"), lines(changing.status(new Scope.Group("smtp"), false)));
        assertEquals(
                List.of("sendmail mail 1000 ACTIVE", "sendmail smtp - INOPERATIVE"),
                lines(changing.status(new Scope.Subsystem("sendmail"), false)));
        assertEquals(
                List.of(Answer.of("", SrcCode.SRC_CODE_SVND, "smtp")),
                changing.stop(new Scope.Group("smtp"), StopType.NORMAL, 0));
        assertEquals(
                List.of(Answer.of("sendmail", SrcCode.SRC_CODE_STPOK, "sendmail")),
                changing.stop(new Scope.Group("mail"), StopType.NORMAL, 0));
        assertEquals(List.of("SIGTERM 1000"), fixture.signals());
    }

    private static List<String> lines(List<StatusLine> status) {
        return status.stream()
                .map(StatusLine::view)
                .map(
                        v ->
                                v.name()
                                        + " "
                                        + v.group()
                                        + " "
                                        + (v.pid().isPresent() ? v.pid().getAsLong() : "-")
                                        + " "
                                        + v.status())
                .toList();
    }
}
