package org.opensrc.srcmstr.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

class WatchBufferTest {

    private static WatchEvent.Changed change(long sequence) {
        return new WatchEvent.Changed(
                sequence,
                1_000 + sequence,
                new WatchChange.Instance(
                        WatchChange.InstanceKind.STARTED,
                        "s" + sequence,
                        "",
                        OptionalLong.of(sequence),
                        OptionalLong.of(100 + sequence),
                        StatusWord.ACTIVE,
                        ""));
    }

    private static WatchEvent.Snapshot snapshot(long sequence) {
        return new WatchEvent.Snapshot(sequence, 5_000, List.of(), List.of());
    }

    @Test
    void holdsUpToItsCapacityOfChangesThenRefusesWithoutWaiting() {
        WatchBuffer buffer = new WatchBuffer(2);
        assertTrue(buffer.offer(change(1)));
        assertTrue(buffer.offer(change(2)));
        assertFalse(buffer.offer(change(3)));
        assertEquals(change(1), buffer.poll());
        assertEquals(change(2), buffer.poll());
        assertNull(buffer.poll());
    }

    @Test
    void aSnapshotIsQueuedEvenWhenTheBufferIsFull() {
        WatchBuffer buffer = new WatchBuffer(1);
        assertTrue(buffer.offer(change(1)));
        assertTrue(buffer.offer(snapshot(1)));
        assertEquals(2, buffer.size());
    }

    @Test
    void restartDropsWhatIsQueuedAndQueuesTheLostNoticeThenTheSnapshot() {
        WatchBuffer buffer = new WatchBuffer(2);
        buffer.offer(change(1));
        buffer.offer(change(2));
        buffer.restart(snapshot(5), 7_000, 3);
        assertEquals(new WatchEvent.Lost(5, 7_000, 5), buffer.poll());
        assertEquals(snapshot(5), buffer.poll());
        assertNull(buffer.poll());
    }

    @Test
    void aClosedBufferTakesNothingAndEndsTheTaker() throws InterruptedException {
        WatchBuffer buffer = new WatchBuffer(2);
        buffer.offer(change(1));
        buffer.close();
        assertTrue(buffer.offer(change(2)), "an offer to a closed buffer is dropped, never refused");
        assertNull(buffer.take());
        assertTrue(buffer.closed());
    }

    @Test
    void aBufferHoldsAtLeastOneChange() {
        assertThrows(IllegalArgumentException.class, () -> new WatchBuffer(0));
    }

    @Test
    void takeWithATimeoutReturnsWhatIsQueuedAndNullWhenNothingCameOrItIsClosed() throws InterruptedException {
        WatchBuffer buffer = new WatchBuffer(2);
        assertTrue(buffer.offer(change(1)));
        assertEquals(change(1), buffer.take(Duration.ZERO));
        assertNull(buffer.take(Duration.ZERO));
        assertFalse(buffer.closed());
        buffer.offer(change(2));
        buffer.close();
        assertNull(buffer.take(Duration.ofDays(1)));
        assertTrue(buffer.closed());
    }
}
