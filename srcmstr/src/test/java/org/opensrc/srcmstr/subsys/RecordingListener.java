package org.opensrc.srcmstr.subsys;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records hub events as "attached:PID", "detached:PID", "ready:PID". */
final class RecordingListener implements SubsystemHub.Listener {

    final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @Override
    public void attached(int pid) {
        events.add("attached:" + pid);
    }

    @Override
    public void detached(int pid) {
        events.add("detached:" + pid);
    }

    @Override
    public void ready(int pid) {
        events.add("ready:" + pid);
    }

    /** The next event, waiting at most 5 s. */
    String next() throws InterruptedException {
        String event = events.poll(5, TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("no hub event within 5 s");
        }
        return event;
    }
}
