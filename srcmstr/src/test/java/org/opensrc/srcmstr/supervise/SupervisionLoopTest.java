package org.opensrc.srcmstr.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.srcmstr.registry.SubsystemDef;
import org.opensrc.srcmstr.registry.SubsystemDef.Contact;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

class SupervisionLoopTest {

    private final FakeProcessControl processes = new FakeProcessControl();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final RecordingListener listener = new RecordingListener();
    private final List<String> stopRequests = new ArrayList<>();
    private SupervisionLoop loop;

    @BeforeEach
    void startLoop() {
        loop =
                new SupervisionLoop(
                        SupervisionState.EMPTY,
                        processes,
                        (pid, forced) -> stopRequests.add(pid + (forced ? " forced" : " normal")),
                        scheduler,
                        scheduler,
                        listener);
        loop.start();
    }

    @AfterEach
    void closeLoop() throws InterruptedException {
        loop.close();
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(5, TimeUnit.SECONDS);
    }

    private List<SrcMessage> start(SubsystemDef def) throws Exception {
        return await(loop.ask(new Command.Start(def, List.of(), List.of())));
    }

    private List<SrcMessage> stop(String name, StopType kind) throws Exception {
        return await(loop.ask(new Command.Stop(new StopTarget.BySubsystem(name), kind)));
    }

    private InstanceView status(SubsystemDef def) throws Exception {
        return await(loop.status(List.of(def), StatusListing.Visibility.ALL)).getLast();
    }

    /** Waits until everything queued before this call was handled, spawn results included. */
    private void settle() throws Exception {
        await(loop.whenIdle());
    }

    @Test
    void startSpawnsOnASpawnerThreadAndAnswersWithThePid() throws Exception {
        SubsystemDef def = Defs.of("sendmail").def();
        assertEquals(List.of(SrcMessage.of(SrcCode.SRC_CODE_STRTOK, "sendmail", "1000")), start(def));
        assertEquals(1, processes.spawnThreads.size());
        assertTrue(processes.spawnThreads.getFirst().startsWith("spawner-"), processes.spawnThreads.toString());
        assertTrue(processes.watched.containsKey(1000L));
        assertEquals(StatusWord.ACTIVE, status(def).status());
        assertTrue(listener.persists.get() > 0);
    }

    @Test
    void aGroupOfStartsIsSavedDurablyOnceBeforeItsSpawns() throws Exception {
        List<Runnable> spawnTasks = new java.util.concurrent.CopyOnWriteArrayList<>();
        SupervisionLoop grouped = loopSpawningOn(spawnTasks);
        try {
            var loopHeld = new java.util.concurrent.CountDownLatch(1);
            var release = new java.util.concurrent.CountDownLatch(1);
            grouped.query(s -> holdLoop(loopHeld, release));
            loopHeld.await(5, TimeUnit.SECONDS);
            List<CompletableFuture<List<SrcMessage>>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                answers.add(grouped.ask(new Command.Start(Defs.of("s" + i).def(), List.of(), List.of())));
            }
            int before = listener.urgentPersists.get();
            release.countDown();
            await(grouped.query(s -> s));
            assertEquals(before + 1, listener.urgentPersists.get(), "one durable save for 50 starts");
            assertEquals(50, spawnTasks.size(), "every spawn handed to the pool after that save");
            assertEquals(0, processes.spawns.size());

            var heldAgain = new java.util.concurrent.CountDownLatch(1);
            var releaseAgain = new java.util.concurrent.CountDownLatch(1);
            grouped.query(s -> holdLoop(heldAgain, releaseAgain));
            heldAgain.await(5, TimeUnit.SECONDS);
            spawnTasks.forEach(Runnable::run);
            releaseAgain.countDown();
            for (int i = 0; i < 50; i++) {
                assertEquals(SrcCode.SRC_CODE_STRTOK, await(answers.get(i)).getFirst().code());
            }
            assertEquals(
                    before + 1,
                    listener.urgentPersists.get(),
                    "the answers need no durable save: the spawns were saved with their markers");
        } finally {
            grouped.close();
        }
    }

    @Test
    void commandsAskedTogetherAreOneBatchWithOneDurableSave() throws Exception {
        List<Runnable> spawnTasks = new java.util.concurrent.CopyOnWriteArrayList<>();
        SupervisionLoop grouped = loopSpawningOn(spawnTasks);
        try {
            List<Command> starts = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                starts.add(new Command.Start(Defs.of("s" + i).def(), List.of(), List.of()));
            }
            List<CompletableFuture<List<SrcMessage>>> answers = grouped.askAll(starts);
            await(grouped.query(s -> s));
            assertEquals(1, listener.urgentPersists.get());
            assertEquals(30, spawnTasks.size());
            spawnTasks.forEach(Runnable::run);
            for (CompletableFuture<List<SrcMessage>> answer : answers) {
                assertEquals(SrcCode.SRC_CODE_STRTOK, await(answer).getFirst().code());
            }
            List<Command> stops = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                stops.add(new Command.Stop(new StopTarget.BySubsystem("s" + i), StopType.NORMAL));
            }
            for (CompletableFuture<List<SrcMessage>> answer : grouped.askAll(stops)) {
                assertEquals(SrcCode.SRC_CODE_STPOK, await(answer).getFirst().code());
            }
            assertEquals(2, listener.urgentPersists.get(), "one more durable save, before the 30 signals");
            assertEquals(30, processes.signals.size());
        } finally {
            grouped.close();
        }
    }

    @Test
    void aStopSignalsOnceTheStateIsWrittenAndIsAnsweredOnlyOnceItIsSynced() throws Exception {
        for (int i = 0; i < 3; i++) {
            start(Defs.of("s" + i).def());
        }
        List<Command> stops = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            stops.add(new Command.Stop(new StopTarget.BySubsystem("s" + i), StopType.NORMAL));
        }
        var loopHeld = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        loop.query(s -> holdLoop(loopHeld, release));
        loopHeld.await(5, TimeUnit.SECONDS);
        List<CompletableFuture<List<SrcMessage>>> answers = loop.askAll(stops);
        List<String> seenAtSync = new java.util.concurrent.CopyOnWriteArrayList<>();
        listener.onSync =
                () ->
                        seenAtSync.add(
                                processes.signals.size()
                                        + " signals, "
                                        + answers.stream().filter(CompletableFuture::isDone).count()
                                        + " answers");
        int persistsBefore = listener.persists.get();
        release.countDown();
        for (CompletableFuture<List<SrcMessage>> answer : answers) {
            assertEquals(SrcCode.SRC_CODE_STPOK, await(answer).getFirst().code());
        }
        assertEquals(persistsBefore + 1, listener.persists.get(), "one save for the three stops");
        assertEquals(List.of("3 signals, 0 answers"), seenAtSync);
    }

    /** A started loop whose spawns are queued in {@code spawnTasks}, for the test to run when it wants. */
    private SupervisionLoop loopSpawningOn(List<Runnable> spawnTasks) {
        SupervisionLoop grouped =
                new SupervisionLoop(
                        SupervisionState.EMPTY,
                        processes,
                        (pid, forced) -> {},
                        scheduler,
                        scheduler,
                        listener,
                        spawnTasks::add);
        grouped.start();
        return grouped;
    }

    /** Keeps the supervision thread busy until {@code release}, so that what is queued meanwhile forms one batch. */
    private static Object holdLoop(
            java.util.concurrent.CountDownLatch held, java.util.concurrent.CountDownLatch release) {
        held.countDown();
        try {
            release.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    @Test
    void spawnFailureAnswersTheStageMessage() throws Exception {
        processes.nextSpawn(new SpawnOutcome.Failed(SpawnStage.STDOUT, "open /nonexistent/out: ENOENT"));
        assertEquals(
                List.of(new SrcMessage(SrcCode.SRC_CODE_OUT, List.of("sendmail"), "open /nonexistent/out: ENOENT")),
                start(Defs.of("sendmail").def()));
        assertEquals(StatusWord.INOPERATIVE, status(Defs.of("sendmail").def()).status());
    }

    @Test
    void aSpawnThatThrowsFailsThatSubsystemOnlyAndTheLoopKeepsAnswering() throws Exception {
        processes.nextSpawnThrows(new IllegalArgumentException("uid 4294967295 out of range"));
        List<SrcMessage> answer = start(Defs.of("poisoned").def());
        assertEquals(SrcCode.SRC_CODE_FEXE, answer.getFirst().code());
        assertTrue(answer.getFirst().detail().contains("uid 4294967295 out of range"), answer.toString());
        assertEquals(StatusWord.INOPERATIVE, status(Defs.of("poisoned").def()).status());
        assertEquals(1, listener.failures.size(), listener.failures.toString());
        assertEquals(
                List.of(SrcMessage.of(SrcCode.SRC_CODE_STRTOK, "healthy", "1000")), start(Defs.of("healthy").def()));
    }

    @Test
    void aLoopThatDiesOfAnErrorAnswersWhoWaitsAndTellsItsOwner() throws Exception {
        SupervisionLoop dying =
                new SupervisionLoop(
                        SupervisionState.EMPTY, processes, (pid, forced) -> {}, scheduler, scheduler, listener);
        CompletableFuture<Throwable> death = new CompletableFuture<>();
        dying.onDeath(death::complete);
        dying.start();
        processes.nextSpawnThrows(new StackOverflowError("deep"));
        var answer = dying.ask(new Command.Start(Defs.of("sendmail").def(), List.of(), List.of()));
        assertTrue(await(death) instanceof StackOverflowError);
        var failed =
                org.junit.jupiter.api.Assertions.assertThrows(
                        java.util.concurrent.ExecutionException.class, () -> answer.get(5, TimeUnit.SECONDS));
        assertTrue(failed.getCause() instanceof StackOverflowError, failed.toString());
        dying.close();
    }

    @Test
    void anEventTheMachineCannotApplyIsDroppedAndTheLoopGoesOn() throws Exception {
        loop.submit(new Event.SpawnSucceeded(new InstanceId(424242), 77));
        settle();
        assertEquals(1, listener.failures.size(), listener.failures.toString());
        assertEquals(
                List.of(SrcMessage.of(SrcCode.SRC_CODE_STRTOK, "sendmail", "1000")), start(Defs.of("sendmail").def()));
    }

    @Test
    void aStartWhoseStateCannotBeSavedSpawnsNothingAndNamesTheCause() throws Exception {
        listener.diskFull = "/var/lib/src/state.json.new: No space left on device";
        List<SrcMessage> answer = start(Defs.of("sendmail").def());
        assertEquals(SrcCode.SRC_CODE_FEXE, answer.getFirst().code());
        assertTrue(answer.getFirst().detail().contains("No space left on device"), answer.toString());
        assertEquals(List.of(), processes.spawns);
        listener.diskFull = null;
        assertEquals(
                List.of(SrcMessage.of(SrcCode.SRC_CODE_STRTOK, "sendmail", "1000")), start(Defs.of("sendmail").def()));
    }

    @Test
    void exitReportedByTheWatcherRespawnsThroughTheLoop() throws Exception {
        SubsystemDef def = Defs.of("sendmail").def();
        start(def);
        processes.die(1000, "exit 0");
        settle();
        assertEquals(List.of(SrcCode.SRC_CODE_RSTRT), listener.logs);
        assertEquals(2, processes.spawns.size());
        assertEquals(1001, status(def).pid().orElseThrow());
    }

    @Test
    void respawnLimitRunsTheNotifyMethod() throws Exception {
        SubsystemDef def = Defs.of("sendmail").def();
        start(def);
        processes.die(1000, "exit 1");
        settle();
        processes.die(1001, "exit 1");
        settle();
        processes.die(1002, "exit 1");
        settle();
        assertEquals(List.of(SrcCode.SRC_CODE_RSTRT, SrcCode.SRC_CODE_RSTRT, SrcCode.SRC_CODE_TRYX), listener.logs);
        assertEquals(List.of("sendmail tcpip"), listener.notifies);
    }

    @Test
    void cancelStopKillsTheWholeTreeWhenTheSchedulerReachesWaittime() throws Exception {
        SubsystemDef def = Defs.of("inetd").waittime(3).def();
        start(def);
        assertEquals(List.of(SrcMessage.of(SrcCode.SRC_CODE_STPOK, "inetd")), stop("inetd", StopType.CANCEL));
        assertEquals(List.of("SIGTERM 1000"), processes.signals);
        scheduler.advance(2_999);
        settle();
        assertEquals(List.of(), processes.killedTrees);
        scheduler.advance(1);
        settle();
        assertEquals(List.of(1000L), processes.killedTrees);
        assertEquals(StatusWord.INOPERATIVE, status(def).status());
    }

    @Test
    void exitBeforeTheKillTimerCancelsIt() throws Exception {
        start(Defs.of("inetd").def());
        stop("inetd", StopType.CANCEL);
        assertEquals(1, scheduler.pending());
        processes.die(1000, "signal 15");
        settle();
        assertEquals(0, scheduler.pending());
    }

    @Test
    void attachedSocketSubsystemIsStoppedThroughTheSubsystemApi() throws Exception {
        start(Defs.of("inetd").contact(Contact.SOCKET).def());
        loop.submit(new Event.Attached(1000));
        stop("inetd", StopType.NORMAL);
        assertEquals(List.of("1000 normal"), stopRequests);
        assertEquals(List.of(), processes.signals);
    }

    @Test
    void backoffRetryIsDrivenByTheScheduler() throws Exception {
        SubsystemDef def = Defs.of("flaky").backoff(500, 2_000).def();
        start(def);
        processes.die(1000, "exit 1");
        settle();
        assertEquals(OptionalLong.of(scheduler.millis() + 500), status(def).nextRetry());
        scheduler.advance(500);
        settle();
        assertEquals(StatusWord.ACTIVE, status(def).status());
        assertEquals(1001, status(def).pid().orElseThrow());
    }

    @Test
    void shutdownTermsThenKillsWhatRemainsAndCompletes() throws Exception {
        start(Defs.of("a").waittime(2).def());
        start(Defs.of("b").waittime(4).def());
        loop.submit(new Event.Shutdown());
        settle();
        assertEquals(List.of("SIGTERM 1000", "SIGTERM 1001"), processes.signals);
        processes.die(1000, "signal 15");
        scheduler.advance(4_000);
        await(loop.shutdownComplete());
        assertEquals(List.of(1001L), processes.killedTrees);
        assertEquals(1, listener.shutdowns.get());
    }
}
