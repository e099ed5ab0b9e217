package org.opensrc.srcmstr;

import io.grpc.BindableService;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.opensrc.libsrc.SrcPaths;
import org.opensrc.srcmstr.control.LocalServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/** The composition root: builds srcmstr's parts, serves, and stops them in order. */
final class Srcmstr {

    private static final Logger LOG = LoggerFactory.getLogger(Srcmstr.class);

    private Srcmstr() {}

    static int runUntilStopped(SrcPaths paths, SrcmstrOptions options, PrintStream err) throws IOException {
        Files.createDirectories(paths.registryDir());
        Files.createDirectories(paths.stateDir());
        Files.createDirectories(paths.logDir());
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        Signal.handle(new Signal("INT"), signal -> stop.countDown());
        List<BindableService> services = List.of();
        try (LocalServer server = LocalServer.start(paths.controlSocket(), services)) {
            LOG.info("srcmstr {} serving {}", ProcessHandle.current().pid(), paths.controlSocket());
            stop.await();
            LOG.info("srcmstr stopping");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
