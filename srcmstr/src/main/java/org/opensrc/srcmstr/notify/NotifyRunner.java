package org.opensrc.srcmstr.notify;

import org.opensrc.libsrc.posix.FdSource;
import org.opensrc.libsrc.posix.SpawnResult;
import org.opensrc.libsrc.posix.SpawnSpec;
import org.opensrc.libsrc.posix.Spawner;
import org.opensrc.srcmstr.registry.NotifyDef;
import org.opensrc.srcmstr.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs the notify method of a subsystem that ended abnormally and will not be restarted: the subsystem's own method,
 * else its group's, with the subsystem and group names as arguments 1 and 2 (AIX). It runs in a new session with the
 * method's output appended to the subsystem's log; srcmstr does not wait for it (the orphan sweep reaps it).
 */
public final class NotifyRunner {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyRunner.class);

    private final Supplier<Registry> registry;
    private final Function<String, Path> subsystemLog;

    /**
     * @param subsystemLog the log a subsystem's output goes to ({@code SrcPaths::subsystemLog})
     */
    public NotifyRunner(Supplier<Registry> registry, Function<String, Path> subsystemLog) {
        this.registry = registry;
        this.subsystemLog = subsystemLog;
    }

    /** The method that applies: the subsystem's, else the group's. */
    static Optional<NotifyDef> methodFor(Registry registry, String subsystem, String group) {
        return registry.notify(subsystem).or(() -> group.isEmpty() ? Optional.empty() : registry.notify(group));
    }

    public void run(String subsystem, String group) {
        Optional<NotifyDef> method = methodFor(registry.get(), subsystem, group);
        if (method.isEmpty()) {
            return;
        }
        String path = method.get().notifymethod();
        Path log = subsystemLog.apply(subsystem);
        SpawnSpec spec =
                new SpawnSpec(
                        Path.of(path),
                        List.of(path, subsystem, group),
                        List.of("PATH=" + SpawnSpec.LOGIN_PATH),
                        new FdSource.DevNull(),
                        new FdSource.OwnLog(log),
                        new FdSource.OwnLog(log),
                        List.of(),
                        true,
                        0,
                        Optional.empty());
        switch (Spawner.spawn(spec)) {
            case SpawnResult.Spawned s ->
                    LOG.info("notify method {} {} {} started, pid {}", path, subsystem, group, s.pid());
            case SpawnResult.Failed f ->
                    LOG.warn("notify method {} for {} could not be started: {}", path, subsystem, f.message());
        }
    }
}
