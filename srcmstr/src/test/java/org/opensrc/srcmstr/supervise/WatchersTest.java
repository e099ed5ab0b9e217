package org.opensrc.srcmstr.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.opensrc.srcmstr.registry.Registry;
import org.opensrc.srcmstr.registry.SubserverDef;

import java.util.ArrayList;
import java.util.List;

/** The publishing policy, without a thread: numbering, snapshots, and what a watcher that falls behind gets. */
class WatchersTest {

    private final Watchers watchers = new Watchers();

    private static Registry registry(String... names) {
        return new Registry(java.util.Arrays.stream(names).map(n -> Defs.of(n).def()).toList(), List.of(), List.of());
    }

    private static List<WatchEvent> drain(WatchBuffer buffer) {
        List<WatchEvent> events = new ArrayList<>();
        for (WatchEvent e; (e = buffer.poll()) != null; ) {
            events.add(e);
        }
        return events;
    }

    @Test
    void aNewWatcherGetsTheSnapshotAsOfTheLastPublishedChangeThenTheNextChanges() {
        watchers.registry(registry("a"), 1_000);
        WatchBuffer first = new WatchBuffer(10);
        watchers.subscribe(first, SupervisionState.EMPTY, 1_000);
        watchers.registry(registry("a", "b"), 2_000);
        watchers.publish(SupervisionState.EMPTY, 2_000);

        WatchBuffer second = new WatchBuffer(10);
        watchers.subscribe(second, SupervisionState.EMPTY, 3_000);
        watchers.registry(registry("a", "b", "c"), 4_000);
        watchers.publish(SupervisionState.EMPTY, 4_000);

        List<WatchEvent> one = drain(first);
        assertEquals(0, one.get(0).sequence());
        assertEquals(List.of("a"), names((WatchEvent.Snapshot) one.get(0)));
        assertEquals(1, one.get(1).sequence());
        assertEquals(2_000, one.get(1).atMillis());
        assertEquals(2, one.get(2).sequence());

        List<WatchEvent> two = drain(second);
        WatchEvent.Snapshot snapshot = (WatchEvent.Snapshot) two.get(0);
        assertEquals(1, snapshot.sequence(), "consistent with change 1, which it shows");
        assertEquals(List.of("a", "b"), names(snapshot));
        assertEquals(2, two.get(1).sequence(), "the next change, no gap and no repeat");
        assertEquals(
                new WatchChange.Definition(WatchChange.DefinitionKind.ADDED, Defs.of("c").def()),
                ((WatchEvent.Changed) two.get(1)).change());
        assertEquals(2, two.size());
    }

    @Test
    void aWatcherThatFallsBehindIsToldHowManyChangesItLostAndGetsAFreshSnapshotOthersGetEverything() {
        watchers.registry(registry(), 0);
        WatchBuffer slow = new WatchBuffer(2);
        WatchBuffer fast = new WatchBuffer(100);
        watchers.subscribe(slow, SupervisionState.EMPTY, 0);
        watchers.subscribe(fast, SupervisionState.EMPTY, 0);
        slow.poll(); // the slow one read its snapshot, then nothing more
        drain(fast);
        List<String> names = new ArrayList<>();
        List<WatchEvent> got = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            names.add("s" + i);
            watchers.registry(registry(names.toArray(String[]::new)), i * 10L);
            watchers.publish(SupervisionState.EMPTY, i * 10L);
            if (i == 3) {
                got.addAll(drain(slow)); // it reads again, a while after the overflow
            }
        }
        got.addAll(drain(slow));
        // s1, s2 fit; s3 overflowed: both dropped and s3 itself are lost, a snapshot at 3 follows; then s4 and s5
        WatchEvent.Lost lost = assertInstanceOf(WatchEvent.Lost.class, got.get(0));
        assertEquals(new WatchEvent.Lost(3, 30, 3), lost);
        WatchEvent.Snapshot fresh = assertInstanceOf(WatchEvent.Snapshot.class, got.get(1));
        assertEquals(3, fresh.sequence());
        assertEquals(List.of("s1", "s2", "s3"), names(fresh));
        assertEquals(List.of(4L, 5L), got.subList(2, got.size()).stream().map(WatchEvent::sequence).toList());

        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), drain(fast).stream().map(WatchEvent::sequence).toList());
    }

    @Test
    void aWatcherThatReadsNothingGetsOneLostNoticeSummingEverythingAndTheLatestSnapshot() {
        watchers.registry(registry(), 0);
        WatchBuffer stuck = new WatchBuffer(2);
        watchers.subscribe(stuck, SupervisionState.EMPTY, 0);
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            names.add("s" + i);
            watchers.registry(registry(names.toArray(String[]::new)), i * 10L);
            watchers.publish(SupervisionState.EMPTY, i * 10L);
        }
        List<WatchEvent> got = drain(stuck);
        assertEquals(new WatchEvent.Lost(5, 50, 5), got.get(0));
        assertEquals(List.of("s1", "s2", "s3", "s4", "s5"), names((WatchEvent.Snapshot) got.get(1)));
        assertEquals(2, got.size());
    }

    @Test
    void nobodyWatchingNothingIsNumbered() {
        watchers.registry(registry(), 0);
        watchers.registry(registry("a"), 1);
        watchers.publish(SupervisionState.EMPTY, 1);
        WatchBuffer late = new WatchBuffer(4);
        watchers.subscribe(late, SupervisionState.EMPTY, 2);
        WatchEvent.Snapshot snapshot = (WatchEvent.Snapshot) late.poll();
        assertEquals(0, snapshot.sequence());
        assertEquals(List.of("a"), names(snapshot));
    }

    @Test
    void aClosedWatcherIsForgottenAtTheNextPublish() {
        watchers.registry(registry(), 0);
        WatchBuffer gone = new WatchBuffer(4);
        watchers.subscribe(gone, SupervisionState.EMPTY, 0);
        gone.close();
        watchers.publish(SupervisionState.EMPTY, 1);
        watchers.registry(registry("a"), 2);
        watchers.publish(SupervisionState.EMPTY, 2);
        assertNull(gone.poll());
    }

    @Test
    void subserverDefinitionsAreDiffedByType() {
        Registry before = new Registry(List.of(), List.of(new SubserverDef("ftp", "inetd", 21)), List.of());
        Registry after =
                new Registry(
                        List.of(),
                        List.of(new SubserverDef("ftp", "inetd", 2121), new SubserverDef("tftp", "inetd", 69)),
                        List.of());
        assertEquals(
                List.of(
                        new WatchChange.Subserver(
                                WatchChange.DefinitionKind.CHANGED, new SubserverDef("ftp", "inetd", 2121)),
                        new WatchChange.Subserver(
                                WatchChange.DefinitionKind.ADDED, new SubserverDef("tftp", "inetd", 69))),
                ChangeDetector.definitionChanges(before, after));
        assertEquals(
                List.of(
                        new WatchChange.Subserver(
                                WatchChange.DefinitionKind.REMOVED, new SubserverDef("ftp", "inetd", 21))),
                ChangeDetector.definitionChanges(before, Registry.EMPTY));
    }

    private static List<String> names(WatchEvent.Snapshot snapshot) {
        return snapshot.subsystems().stream().map(InstanceView::name).toList();
    }
}
