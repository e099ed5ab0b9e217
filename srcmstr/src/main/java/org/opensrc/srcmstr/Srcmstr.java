package org.opensrc.srcmstr;

import io.grpc.BindableService;
import io.grpc.ServerInterceptors;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.opensrc.libsrc.Messages;
import org.opensrc.libsrc.SrcPaths;
import org.opensrc.libsrc.posix.FileLimit;
import org.opensrc.libsrc.posix.Posix;
import org.opensrc.libsrc.posix.ProcessTable;
import org.opensrc.libsrc.posix.Users;
import org.opensrc.libsrc.signal.SignalTrap;
import org.opensrc.libsrc.trust.PathTrust;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.srcmstr.caller.Authorization;
import org.opensrc.srcmstr.control.ControlService;
import org.opensrc.srcmstr.control.LocalServer;
import org.opensrc.srcmstr.control.MetricsInterceptor;
import org.opensrc.srcmstr.control.SocketLimits;
import org.opensrc.srcmstr.definitions.DefinitionService;
import org.opensrc.srcmstr.definitions.DefinitionStore;
import org.opensrc.srcmstr.logging.LogOutputs;
import org.opensrc.srcmstr.metrics.InetdMetrics;
import org.opensrc.srcmstr.metrics.MetricsServer;
import org.opensrc.srcmstr.metrics.RpcMetrics;
import org.opensrc.srcmstr.metrics.StatusPage;
import org.opensrc.srcmstr.metrics.SubsystemChanges;
import org.opensrc.srcmstr.metrics.SubsystemMetrics;
import org.opensrc.srcmstr.notify.NotifyRunner;
import org.opensrc.srcmstr.registry.RegistryFileException;
import org.opensrc.srcmstr.registry.RegistryStore;
import org.opensrc.srcmstr.remote.RemoteConfig;
import org.opensrc.srcmstr.remote.RemoteServer;
import org.opensrc.srcmstr.requests.DaemonRequest;
import org.opensrc.srcmstr.requests.Daemons;
import org.opensrc.srcmstr.requests.ForwardedRequests;
import org.opensrc.srcmstr.requests.SupervisionRequests;
import org.opensrc.srcmstr.subsys.HubDaemons;
import org.opensrc.srcmstr.subsys.HubSuperServers;
import org.opensrc.srcmstr.subsys.ReplyTimeout;
import org.opensrc.srcmstr.subsys.SubsystemHub;
import org.opensrc.srcmstr.subsys.SubsystemService;
import org.opensrc.srcmstr.subsys.SubsystemSpawnHooks;
import org.opensrc.srcmstr.supervise.Event;
import org.opensrc.srcmstr.supervise.InstanceView;
import org.opensrc.srcmstr.supervise.OrphanSweep;
import org.opensrc.srcmstr.supervise.RealProcessControl;
import org.opensrc.srcmstr.supervise.RealScheduler;
import org.opensrc.srcmstr.supervise.StatusListing;
import org.opensrc.srcmstr.supervise.SupervisionListener;
import org.opensrc.srcmstr.supervise.SupervisionLoop;
import org.opensrc.srcmstr.supervise.SupervisionState;
import org.opensrc.srcmstr.trust.ConfigurationFiles;
import org.opensrc.srcmstr.trust.RootPrograms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** The composition root: builds srcmstr's parts, serves, and stops them in order. */
final class Srcmstr {

    private static final Logger LOG = LoggerFactory.getLogger(Srcmstr.class);

    /** The exit status after SIGUSR2 (sysexits EX_TEMPFAIL): "restart me", nothing was stopped. */
    static final int EX_TEMPFAIL = 75;

    /**
     * The exit status when the supervision loop died (sysexits EX_SOFTWARE): every subsystem is left running and saved,
     * so init restarts srcmstr and it re-adopts them.
     */
    static final int EX_SOFTWARE = 70;

    /** How long a scrape of /metrics waits for the supervision thread's answer. */
    private static final Duration SCRAPE_LIMIT = Duration.ofSeconds(10);

    /** How long a scrape of /metrics waits for a super-server's (inetd's) per-service counters. */
    private static final Duration SERVICE_COUNTERS_DEADLINE = Duration.ofSeconds(1);

    private Srcmstr() {}

    static int runUntilStopped(SrcPaths paths, SrcmstrOptions options, PrintStream err) throws IOException {
        Files.createDirectories(paths.registryDir());
        Files.createDirectories(paths.stateDir());
        Files.setPosixFilePermissions(paths.stateDir(), PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(paths.logDir());
        SrcmstrConfig config = SrcmstrConfig.load(paths.configFile());
        LogOutputs.add(System.getenv(), config.syslog());
        PathTrust trust = PathTrust.rootAnd(Posix.geteuid());
        if (!trustedConfiguration(paths, trust, config.strictPermissions())) {
            return 1;
        }
        RootPrograms rootPrograms = new RootPrograms(trust, config.strictPermissions());
        int openFiles = FileLimit.raiseSoftToHard();
        SocketLimits socketLimits = config.socket().fittedTo(openFiles);
        LOG.info(
                "descriptor limit {}; local socket: at most {} connections per uid and {} in all for non-root "
                        + "users, handshake within {} s, idle connections closed after {} s, messages up to {} bytes",
                openFiles,
                socketLimits.perUid(),
                socketLimits.total(),
                socketLimits.handshakeTimeout().toSeconds(),
                socketLimits.idleTimeout().toSeconds(),
                SocketLimits.MAX_MESSAGE_BYTES);
        DefinitionStore definitions;
        try {
            definitions = DefinitionStore.open(new RegistryStore(paths.registryDir()));
        } catch (RegistryFileException e) {
            err.println("srcmstr: " + e.getMessage());
            return 1;
        }
        RemoteConfig remote = null;
        if (options.remote()) {
            try {
                remote = RemoteConfig.load(paths, System.getenv(), Posix.geteuid());
            } catch (IOException e) {
                err.println("srcmstr: -r: " + e.getMessage());
                return 1;
            }
        }
        Authorization authorization =
                new Authorization(
                        Posix.geteuid(), adminGid(config.adminGroup()), remote == null ? Set.of() : remote.allowList());
        Posix.becomeChildSubreaper();

        ProcessTable table = ProcessTable.system();
        StateKeeping keeping = new StateKeeping(paths.stateDir(), table, InstantSource.system());
        var loopRef = new AtomicReference<SupervisionLoop>();
        SubsystemHub hub =
                new SubsystemHub(
                        new ReplyTimeout(config.replyTimeout()),
                        new SubsystemHub.Listener() {
                            @Override
                            public void attached(int pid) {
                                loopRef.get().submit(new Event.Attached(pid));
                            }

                            @Override
                            public void detached(int pid) {
                                loopRef.get().submit(new Event.Detached(pid));
                            }

                            @Override
                            public void ready(int pid) {
                                loopRef.get().submit(new Event.Ready(pid));
                            }
                        });
        keeping.tokensFrom(hub);
        HubDaemons daemons = new HubDaemons(hub);
        NotifyRunner notify = new NotifyRunner(definitions::current, paths::subsystemLog);
        RealProcessControl processes =
                new RealProcessControl(
                        table,
                        paths::subsystemLog,
                        new SubsystemSpawnHooks(hub, paths.controlSocket(), paths.root(), keeping::marker));
        RealScheduler scheduler = new RealScheduler(InstantSource.system());
        CountDownLatch stop = new CountDownLatch(1);
        SupervisionLoop loop =
                new SupervisionLoop(
                        SupervisionState.EMPTY,
                        processes,
                        (pid, forced) -> sendStop(daemons, config.replyTimeout(), pid, forced),
                        scheduler,
                        InstantSource.system(),
                        new LoggingSupervisionListener(notify, keeping));
        loopRef.set(loop);
        PrometheusRegistry metricsRegistry = new PrometheusRegistry();
        MetricsServer metricsServer = null;
        if (config.metrics().isPresent()) {
            // read at scrape time: a status query, answered in queue order like lssrc
            Supplier<List<InstanceView>> status =
                    () -> {
                        try {
                            return loop.status(definitions.current().subsystems(), StatusListing.Visibility.ALL)
                                    .get(SCRAPE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException("interrupted", e);
                        } catch (ExecutionException | TimeoutException e) {
                            throw new IllegalStateException("no status from supervision: " + e, e);
                        }
                    };
            metricsRegistry.register(new SubsystemMetrics(status));
            // inetd's counters: asked over its attach stream at scrape time, waited for at most a second
            metricsRegistry.register(
                    new InetdMetrics(
                            status, definitions::current, new HubSuperServers(hub), SERVICE_COUNTERS_DEADLINE));
            try {
                metricsServer =
                        MetricsServer.start(
                                config.metrics().get(),
                                metricsRegistry,
                                new StatusPage(() -> loop.watch(config.watchBuffer())));
            } catch (IOException e) {
                err.println("srcmstr: " + e.getMessage());
                loop.close();
                keeping.close();
                processes.close();
                hub.close();
                return 1;
            }
            LOG.info(
                    "metrics served on http://{}/metrics, the status page on http://{}/",
                    config.metrics().get(),
                    config.metrics().get());
        }
        // watchers see the registry as the definition store publishes it, in order with supervision's changes
        loop.registryChanged(definitions.current());
        definitions.onChange(loop::registryChanged);
        AtomicBoolean loopDied = new AtomicBoolean();
        loop.onDeath(
                e -> {
                    LOG.error(
                            "the supervision loop died; srcmstr exits with status {} and leaves every subsystem running "
                                    + "for the next srcmstr to re-adopt",
                            EX_SOFTWARE,
                            e);
                    loopDied.set(true);
                    stop.countDown();
                });
        loop.start();
        // a watch of its own, taken before re-adoption so that re-adopted instances are counted too
        SubsystemChanges changes =
                metricsServer == null
                        ? null
                        : SubsystemChanges.start(metricsRegistry, loop.watch(config.watchBuffer()).join());
        keeping.takeOver(options.noReadoption())
                .ifPresent(
                        plan -> {
                            hub.restore(plan.tokens());
                            plan.events().forEach(loop::submit);
                            LOG.info(
                                    "re-adopted {} subsystem process(es) of the previous srcmstr; {} ended meanwhile",
                                    plan.adopted(),
                                    plan.ended());
                        });
        SupervisionRequests supervision = new SupervisionRequests(loop, definitions::current, table::all, rootPrograms);
        var forwarded =
                new ForwardedRequests<>(
                        supervision, definitions::current, daemons, config.replyTimeout(), InstantSource.system());
        List<BindableService> services =
                List.of(
                        new DefinitionService(authorization, definitions, rootPrograms),
                        new ControlService(authorization, supervision, forwarded, config.watchBuffer()),
                        new SubsystemService(hub));
        if (metricsServer != null) {
            var counting = new MetricsInterceptor(new RpcMetrics(metricsRegistry), System::nanoTime);
            services =
                    services.stream()
                            .<BindableService>map(s -> () -> ServerInterceptors.intercept(s, counting))
                            .toList();
        }

        AtomicBoolean upgrade = new AtomicBoolean();
        SignalTrap.on("TERM", stop::countDown);
        SignalTrap.on("INT", stop::countDown);
        SignalTrap.on(
                "USR2",
                () -> {
                    upgrade.set(true);
                    stop.countDown();
                });
        // the sweep and the local server serve for as long as the try block: their scope is their use
        OrphanSweep sweep = new OrphanSweep(processes::watchedPids);
        LocalServer server =
                LocalServer.start(
                        paths.controlSocket(), services, socketLimits, Set.copyOf(List.of(0, Posix.geteuid())));
        MetricsServer metrics = metricsServer;
        try (metrics;
                sweep;
                server;
                RemoteServer remoteServer = remote == null ? null : RemoteServer.start(remote, services)) {
            LOG.info(
                    "srcmstr {} serving {}{}",
                    ProcessHandle.current().pid(),
                    paths.controlSocket(),
                    remoteServer == null ? "" : " and remote requests on TCP port " + remoteServer.port());
            stop.await();
            if (loopDied.get()) {
                return EX_SOFTWARE;
            }
            if (upgrade.get()) {
                LOG.info(
                        "srcmstr exiting on SIGUSR2 with every subsystem left running (status {}): "
                                + "the next srcmstr re-adopts them",
                        EX_TEMPFAIL);
                return EX_TEMPFAIL;
            }
            LOG.info("srcmstr stopping: SIGTERM to every subsystem, SIGKILL to what remains after waittime");
            loop.submit(new Event.Shutdown());
            loop.shutdownComplete().get(10, TimeUnit.MINUTES);
            LOG.info("srcmstr stopped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            err.println("srcmstr: -r: " + e.getMessage());
            loop.submit(new Event.Shutdown());
            return 1;
        } catch (ExecutionException | TimeoutException e) {
            LOG.error("shutdown did not complete: {}", e.toString());
        } finally {
            if (changes != null) {
                changes.close();
            }
            loop.close();
            keeping.close();
            processes.close();
            hub.close();
        }
        return 0;
    }

    /**
     * Warns (in the log, whose warnings also go to stderr) about srcmstr.conf or registry files others can change; with
     * strict.permissions=true refuses to start: false.
     */
    private static boolean trustedConfiguration(SrcPaths paths, PathTrust trust, boolean strict) throws IOException {
        List<PathTrust.Finding> findings = ConfigurationFiles.check(paths, trust);
        for (PathTrust.Finding finding : findings) {
            LOG.warn("warning: others can change srcmstr's configuration: {}", finding);
        }
        if (strict && !findings.isEmpty()) {
            LOG.error(
                    "not started (strict.permissions=true): others can change srcmstr's configuration: {}",
                    findings.getFirst());
            return false;
        }
        return true;
    }

    /** A stop request to an attached socket subsystem; its answer only matters to the log. */
    private static void sendStop(Daemons<?> daemons, Duration timeout, long pid, boolean forced) {
        daemons.send(Math.toIntExact(pid), new DaemonRequest.Stop(forced), timeout)
                .whenComplete(
                        (reply, error) -> {
                            if (error != null) {
                                LOG.warn("stop request to pid {} got no answer: {}", pid, error.getMessage());
                            }
                        });
    }

    private static int adminGid(String group) throws IOException {
        if (group.isEmpty()) {
            return -1;
        }
        return Users.groupId(group).orElseThrow(() -> new IOException("admin.group: no group '" + group + "'"));
    }

    /** Supervision's log lines, notices and notify requests. */
    private record LoggingSupervisionListener(NotifyRunner notifyRunner, StateKeeping keeping)
            implements SupervisionListener {
        @Override
        public void log(SrcCode code, List<String> args) {
            LOG.info(Messages.oneLine(code, args));
        }

        @Override
        public void notice(String message) {
            LOG.info(message);
        }

        @Override
        public Optional<String> persist(SupervisionState state) {
            return keeping.persist(state);
        }

        @Override
        public Optional<String> sync() {
            return keeping.sync();
        }

        @Override
        public void failure(String what, RuntimeException cause) {
            LOG.error("{}", what, cause);
        }

        @Override
        public void runNotify(String subsystem, String group) {
            notifyRunner.run(subsystem, group);
        }
    }
}
