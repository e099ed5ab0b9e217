package org.opensrc.srcmstr.subsys;

import org.opensrc.libsrc.subsystem.Reply;
import org.opensrc.libsrc.subsystem.SrcHandler;
import org.opensrc.libsrc.subsystem.StatusRows;
import org.opensrc.proto.v1.StatusRow;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Long status blocks until {@link #release()}; refresh answers at once. */
final class BlockingHandler implements SrcHandler {

    final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    void release() {
        release.countDown();
    }

    @Override
    public List<StatusRow> longStatus() {
        entered.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.of(StatusRows.row("Late", "reply"));
    }

    @Override
    public Reply refresh() {
        return Reply.ok();
    }
}
