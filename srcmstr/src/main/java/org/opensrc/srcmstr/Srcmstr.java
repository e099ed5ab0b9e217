package org.opensrc.srcmstr;

import io.grpc.BindableService;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.opensrc.srcmstr.control.Authorization;
import org.opensrc.srcmstr.definitions.DefinitionService;
import org.opensrc.srcmstr.definitions.DefinitionStore;
import org.opensrc.srcmstr.registry.Registry;
import org.opensrc.srcmstr.registry.RegistryFileException;
import org.opensrc.srcmstr.registry.RegistryStore;
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
        SrcmstrConfig config = SrcmstrConfig.load(paths.configFile());
        Registry registry;
        try {
            registry = new RegistryStore(paths.registryDir()).load();
        } catch (RegistryFileException e) {
            err.println("srcmstr: " + e.getMessage());
            return 1;
        }
        DefinitionStore definitions = new DefinitionStore(new RegistryStore(paths.registryDir()), registry);
        Authorization authorization = new Authorization(ownUid(), adminGid(config.adminGroup()), Set.of());
        List<BindableService> services = List.of(new DefinitionService(authorization, definitions));
        try (LocalServer server = LocalServer.start(paths.controlSocket(), services)) {
            LOG.info("srcmstr {} serving {}", ProcessHandle.current().pid(), paths.controlSocket());
            stop.await();
            LOG.info("srcmstr stopping");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static int ownUid() {
        return (int) new com.sun.security.auth.module.UnixSystem().getUid();
    }

    private static int adminGid(String group) throws IOException {
        if (group.isEmpty()) {
            return -1;
        }
        for (String line : Files.readAllLines(java.nio.file.Path.of("/etc/group"))) {
            String[] f = line.split(":", -1);
            if (f.length > 2 && f[0].equals(group)) {
                return Integer.parseInt(f[2]);
            }
        }
        throw new IOException("admin.group: no group '" + group + "' in /etc/group");
    }
}
