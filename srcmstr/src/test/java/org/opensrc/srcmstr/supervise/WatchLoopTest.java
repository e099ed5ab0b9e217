package org.opensrc.srcmstr.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensrc.srcmstr.registry.Registry;
import org.opensrc.srcmstr.registry.SubsystemDef;
import org.opensrc.srcmstr.supervise.WatchChange.InstanceKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/** The watch stream of a real loop over processes on paper and a manual clock. */
class WatchLoopTest {

    private final LoopFixture fixture = new LoopFixture();
    private final SupervisionLoop loop = fixture.loop();

    @AfterEach
    void close() throws InterruptedException {
        fixture.close();
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(5, TimeUnit.SECONDS);
    }

    private static List<WatchEvent> drain(WatchBuffer buffer) {
        List<WatchEvent> events = new ArrayList<>();
        for (WatchEvent e; (e = buffer.poll()) != null; ) {
            events.add(e);
        }
        return events;
    }

    private static List<WatchChange.Instance> instanceChanges(List<WatchEvent> events) {
        return events.stream()
                .filter(e -> e instanceof WatchEvent.Changed c && c.change() instanceof WatchChange.Instance)
                .map(e -> (WatchChange.Instance) ((WatchEvent.Changed) e).change())
                .toList();
    }

    @Test
    void aDeathAndItsRespawnAreTwoChangesWithTheExitAndTheNewPidAtTheTimeOfTheClock() throws Exception {
        SubsystemDef def = Defs.of("sshd").def();
        loop.registryChanged(new Registry(List.of(def), List.of(), List.of()));
        WatchBuffer buffer = await(loop.watch(100));
        await(loop.ask(new Command.Start(def, List.of(), List.of())));
        fixture.advance(250);
        fixture.die(1000);
        fixture.settle();

        List<WatchEvent> events = drain(buffer);
        WatchEvent.Snapshot snapshot = assertInstanceOf(WatchEvent.Snapshot.class, events.getFirst());
        assertEquals(StatusWord.INOPERATIVE, snapshot.subsystems().getFirst().status());
        assertEquals(List.of(1L, 2L, 3L), events.stream().skip(1).map(WatchEvent::sequence).toList(), "contiguous");
        List<WatchChange.Instance> changes = instanceChanges(events);
        assertEquals(
                List.of(InstanceKind.STARTED, InstanceKind.ENDED, InstanceKind.RESPAWNED),
                changes.stream().map(WatchChange.Instance::kind).toList());
        assertEquals("exit 0", changes.get(1).exit());
        assertEquals(StatusWord.INOPERATIVE, changes.get(1).status());
        assertEquals(1001, changes.get(2).pid().getAsLong());
        assertEquals("tcpip", changes.get(2).group());
        long start = fixture.now() - 250;
        assertEquals(
                List.of(start, start + 250, start + 250), events.stream().skip(1).map(WatchEvent::atMillis).toList());
    }

    @Test
    void aStopIsStoppingThenEndedAndTheThirdQuickDeathReachesTheRespawnLimit() throws Exception {
        SubsystemDef def = Defs.of("xntpd").def();
        WatchBuffer buffer = await(loop.watch(100));
        await(loop.ask(new Command.Start(def, List.of(), List.of())));
        fixture.die(1000);
        fixture.settle();
        fixture.die(1001);
        fixture.settle();
        fixture.die(1002);
        fixture.settle();
        List<InstanceKind> kinds = instanceChanges(drain(buffer)).stream().map(WatchChange.Instance::kind).toList();
        assertEquals(
                List.of(
                        InstanceKind.STARTED,
                        InstanceKind.ENDED,
                        InstanceKind.RESPAWNED,
                        InstanceKind.ENDED,
                        InstanceKind.RESPAWNED,
                        InstanceKind.ENDED,
                        InstanceKind.RESPAWN_LIMIT),
                kinds);

        await(loop.ask(new Command.Start(def, List.of(), List.of())));
        await(loop.ask(new Command.Stop(new StopTarget.BySubsystem("xntpd"), StopType.NORMAL)));
        fixture.die(1003);
        fixture.settle();
        assertEquals(
                List.of(InstanceKind.STARTED, InstanceKind.STOPPING, InstanceKind.ENDED),
                instanceChanges(drain(buffer)).stream().map(WatchChange.Instance::kind).toList());
    }

    @Test
    void aWatcherJoiningABurstOf500StartsSeesEachOnceEitherInItsSnapshotOrAsAChange() throws Exception {
        List<SubsystemDef> defs = IntStream.range(0, 500).mapToObj(i -> Defs.of("s" + i).group("big").def()).toList();
        loop.registryChanged(new Registry(defs, List.of(), List.of()));
        WatchBuffer early = await(loop.watch(10_000));
        List<Command> starts = defs.stream().<Command>map(d -> new Command.Start(d, List.of(), List.of())).toList();
        List<CompletableFuture<List<SrcMessage>>> first = loop.askAll(starts.subList(0, 250));
        CompletableFuture<WatchBuffer> joining = loop.watch(10_000);
        List<CompletableFuture<List<SrcMessage>>> rest = loop.askAll(starts.subList(250, 500));
        for (var answer : first) {
            await(answer);
        }
        for (var answer : rest) {
            await(answer);
        }
        fixture.settle();

        List<InstanceView> listing = await(loop.status(defs, StatusListing.Visibility.ALL));
        for (WatchBuffer buffer : List.of(early, await(joining))) {
            List<WatchEvent> events = drain(buffer);
            WatchEvent.Snapshot snapshot = assertInstanceOf(WatchEvent.Snapshot.class, events.getFirst());
            Map<String, InstanceView> seen = new LinkedHashMap<>();
            snapshot.subsystems().forEach(v -> seen.put(v.name(), v));
            long next = snapshot.sequence() + 1;
            for (WatchEvent e : events.subList(1, events.size())) {
                assertEquals(next++, e.sequence(), "no gap and no repeat");
                WatchChange.Instance change =
                        (WatchChange.Instance) assertInstanceOf(WatchEvent.Changed.class, e).change();
                InstanceView before = seen.get(change.subsystem());
                assertEquals(StatusWord.INOPERATIVE, before.status(), change.subsystem() + " started twice");
                seen.put(
                        change.subsystem(),
                        new InstanceView(
                                change.subsystem(),
                                change.group(),
                                change.pid(),
                                change.status(),
                                before.display(),
                                before.since(),
                                before.restarts(),
                                before.lastExit(),
                                before.nextRetry()));
            }
            assertEquals(
                    listing.stream().map(v -> v.name() + " " + v.pid() + " " + v.status()).sorted().toList(),
                    seen.values().stream().map(v -> v.name() + " " + v.pid() + " " + v.status()).sorted().toList());
            assertTrue(listing.stream().allMatch(v -> v.status() == StatusWord.ACTIVE));
        }
    }
}
