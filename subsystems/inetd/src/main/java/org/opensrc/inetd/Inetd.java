package org.opensrc.inetd;

import static org.opensrc.libsrc.signal.Signals.SIGKILL;

import org.opensrc.inetd.access.HostsAccess;
import org.opensrc.inetd.config.ConfigDiff;
import org.opensrc.inetd.config.ConfigEditor;
import org.opensrc.inetd.config.ConfigParser;
import org.opensrc.inetd.config.InetdConfig;
import org.opensrc.inetd.config.Problem;
import org.opensrc.inetd.config.ServiceEntry;
import org.opensrc.inetd.config.ServiceKey;
import org.opensrc.inetd.config.ServicesFile;
import org.opensrc.inetd.control.InetdControl;
import org.opensrc.inetd.control.InetdSnapshot;
import org.opensrc.inetd.control.ReloadReport;
import org.opensrc.inetd.control.ServiceStatus;
import org.opensrc.inetd.control.SubserverChange;
import org.opensrc.inetd.internal.LoopGuard;
import org.opensrc.inetd.internal.StreamInternals;
import org.opensrc.inetd.limit.ChildBudget;
import org.opensrc.inetd.net.EventLoop;
import org.opensrc.inetd.spawn.ChildLauncher;
import org.opensrc.libsrc.posix.ExitWatcher;
import org.opensrc.libsrc.posix.NetException;
import org.opensrc.libsrc.posix.Posix;
import org.opensrc.libsrc.trust.PathTrust;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The super-server: reads inetd.conf, listens, serves internal services, spawns servers, and reloads by diff. All state
 * lives on one platform thread, "inetd-loop"; the public methods may be called from any thread and hand their work to
 * it. Exits come from libsrc's ExitWatcher thread, also through the loop.
 */
public final class Inetd implements InetdControl, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Inetd.class);

    private final InetdSettings settings;
    private final EventLoop loop;
    private final ExitWatcher exits;
    private final Context ctx;
    private final ExecutorService spawner;
    private final Map<ServiceKey, ServiceRuntime> active = new LinkedHashMap<>();
    private final List<ServiceRuntime> retired = new ArrayList<>();
    private InetdConfig current;
    private Thread thread;

    public Inetd(InetdSettings settings, ChildLauncher launcher, Clock clock) throws NetException {
        this.settings = settings;
        this.loop = new EventLoop();
        this.exits = new ExitWatcher(ev -> loop.execute(() -> ctx().childExited(ev.pid(), ev.status())));
        // posix_spawn blocks its caller until the child has exec'd: spawning off the loop
        // thread, on one thread per core, keeps accepting while children start.
        this.spawner =
                Executors.newFixedThreadPool(
                        Math.max(2, Runtime.getRuntime().availableProcessors()),
                        Thread.ofPlatform().daemon().name("inetd-spawn-", 0).factory());
        this.ctx =
                new Context(
                        loop,
                        new LoopScheduler(loop, clock),
                        launcher,
                        spawner,
                        clock,
                        new StreamInternals(clock, settings.maxInternalStreams(), settings.internalIdle()),
                        new ChildBudget(settings.maxChildren()),
                        exits::watch,
                        this::capacityChanged);
        this.current = new InetdConfig(settings.configFile(), List.of(), List.of(), List.of());
    }

    private Context ctx() {
        return ctx;
    }

    /** Loads the configuration and starts serving; returns what the first load did. */
    public ReloadReport start() {
        thread = loop.start("inetd-loop");
        return reload().join();
    }

    /** Re-reads the file and applies the difference (SIGHUP, {@code refresh -s inetd}). */
    @Override
    public CompletableFuture<ReloadReport> reload() {
        return loop.call(this::reloadNow);
    }

    /** Uncomments the service's lines and reloads ({@code startsrc -t NAME}). */
    @Override
    public CompletableFuture<SubserverChange> enable(String service) {
        return loop.call(
                () -> {
                    boolean known = !current.named(service).isEmpty() || !parse().named(service).isEmpty();
                    int lines = known ? editor().enable(settings.configFile(), service).changedLines() : 0;
                    return new SubserverChange(service, known, lines, reloadNow(), 0);
                });
    }

    /**
     * Comments out the service's lines and reloads ({@code stopsrc -t NAME}); with {@code killRunning} ({@code stopsrc
     * -f -t NAME}) its running servers get SIGKILL, each to its whole process group.
     */
    @Override
    public CompletableFuture<SubserverChange> disable(String service, boolean killRunning) {
        return loop.call(
                () -> {
                    boolean known = !current.named(service).isEmpty() || !parse().named(service).isEmpty();
                    int lines = known ? editor().disable(settings.configFile(), service).changedLines() : 0;
                    ReloadReport report = reloadNow();
                    int killed = killRunning ? killChildren(service) : 0;
                    return new SubserverChange(service, known, lines, report, killed);
                });
    }

    /** SIGKILL to every running server, each to its whole process group ({@code stopsrc -f -s inetd}). */
    public CompletableFuture<Integer> killRunning() {
        return loop.call(() -> killChildren(null));
    }

    /** Kills the running servers of {@code service}, or of every service when null; returns how many. */
    private int killChildren(String service) {
        int killed = 0;
        for (ServiceRuntime r : allRuntimes()) {
            if (service == null || r.entry().name().equals(service)) {
                r.killLateChildren();
                for (int pid : r.pids()) {
                    if (Posix.killGroup(pid, SIGKILL) || Posix.kill(pid, SIGKILL)) {
                        killed++;
                    }
                }
            }
        }
        return killed;
    }

    /** Logs every connection (peer, service, pid, exit status, duration) at INFO when on. */
    @Override
    public void setTrace(boolean on) {
        ctx.setTrace(on);
        LOG.info("tracing {}", on ? "on" : "off");
    }

    public boolean trace() {
        return ctx.trace();
    }

    /**
     * Every service of the running inetd with its live counters, for {@code lssrc -ls inetd}. A commented-out line is
     * not a service of the running inetd (AIX lists only its configured entries), so it has no row.
     */
    @Override
    public InetdSnapshot snapshot() {
        return loop.call(this::snapshotNow).join();
    }

    private InetdSnapshot snapshotNow() {
        List<ServiceStatus> rows = new ArrayList<>();
        for (ServiceEntry e : current.enabled()) {
            ServiceRuntime r = active.get(e.key());
            if (r != null && r.entry().line() == e.line()) {
                rows.add(r.status());
            }
        }
        retired.forEach(r -> rows.add(r.status()));
        return new InetdSnapshot(settings.configFile(), ctx.trace(), ctx.totalRunning(), rows, current.problems());
    }

    private ConfigParser parser() {
        try {
            return new ConfigParser(ServicesFile.load(settings.servicesFile()));
        } catch (IOException e) {
            LOG.error("{}: cannot read: {}", settings.servicesFile(), e.getMessage());
            return new ConfigParser(ServicesFile.empty());
        }
    }

    private ConfigEditor editor() {
        return new ConfigEditor(parser());
    }

    private InetdConfig parse() {
        return parser().parse(settings.configFile());
    }

    private ReloadReport reloadNow() {
        List<Problem> exposed = exposure();
        if (!exposed.isEmpty()) {
            exposed.forEach(p -> LOG.error("{}", p));
            LOG.error("configuration not reloaded (strict.permissions=true): keeping the running services");
            return ReloadReport.rejected(exposed);
        }
        InetdConfig next = parse();
        List<Problem> breaking = breakingProblems(next);
        if (!breaking.isEmpty()) {
            next.problems().forEach(p -> LOG.error("{}", p));
            LOG.error("configuration not reloaded: keeping the running services");
            return ReloadReport.rejected(next.problems());
        }
        next.problems().forEach(p -> LOG.warn("{} (line skipped)", p));
        try {
            ctx.useHostsAccess(HostsAccess.load(settings.etcDir()));
        } catch (IOException e) {
            LOG.error("cannot read hosts.allow/hosts.deny in {}: {}", settings.etcDir(), e.getMessage());
        }
        ctx.useGuard(
                new LoopGuard(
                        next.enabled().stream()
                                .filter(e -> e.isInternal() && !e.protocol().isStream())
                                .map(ServiceEntry::port)
                                .collect(Collectors.toSet())));
        ConfigDiff diff = ConfigDiff.between(current.enabled(), next.enabled());
        for (ServiceEntry gone : diff.removed()) {
            ServiceRuntime r = active.remove(gone.key());
            r.retire();
            if (r.running() > 0) {
                retired.add(r);
            }
            LOG.info("{}: removed", gone.key());
        }
        List<String> changed = new ArrayList<>();
        for (ConfigDiff.Kept k : diff.kept()) {
            active.get(k.after().key()).replace(k.after());
            if (k.changed()) {
                changed.add(k.after().key().toString());
                LOG.info("{}: updated", k.after().key());
            }
        }
        for (ServiceEntry e : diff.added()) {
            ServiceRuntime r = new ServiceRuntime(ctx, e);
            active.put(e.key(), r);
            r.open();
        }
        current = next;
        ReloadReport report =
                new ReloadReport(
                        true,
                        keys(diff.added()),
                        keys(diff.removed()),
                        changed,
                        diff.kept().size() - changed.size(),
                        next.problems());
        LOG.info(
                "configuration {}: {} added, {} removed, {} changed, {} unchanged",
                settings.configFile(),
                report.added().size(),
                report.removed().size(),
                changed.size(),
                report.unchanged());
        return report;
    }

    /**
     * Checks that only root (or inetd's uid) can change the configuration file and its folders ({@link PathTrust}):
     * each finding is logged as a warning; with the strict setting they are the problems that refuse the file,
     * otherwise none.
     */
    private List<Problem> exposure() {
        List<PathTrust.Finding> findings = PathTrust.rootAnd(Posix.geteuid()).check(settings.configFile());
        findings.forEach(f -> LOG.warn("{}: others can change it: {}", settings.configFile(), f));
        if (!settings.strictPermissions()) {
            return List.of();
        }
        return findings.stream()
                .map(f -> new Problem(settings.configFile(), 0, "others can change it (strict.permissions=true): " + f))
                .toList();
    }

    private static List<String> keys(List<ServiceEntry> entries) {
        return entries.stream().map(e -> e.key().toString()).toList();
    }

    /**
     * Problems that make a reload unsafe: an unreadable file, or a bad line for a service that runs now (its line used
     * to parse). A bad line for a new service is only skipped.
     */
    private List<Problem> breakingProblems(InetdConfig next) {
        Set<String> running = active.keySet().stream().map(ServiceKey::name).collect(Collectors.toSet());
        return next.problems().stream()
                .filter(p -> p.line() == 0 || running.contains(serviceToken(next.lines().get(p.line() - 1))))
                .toList();
    }

    private static String serviceToken(String line) {
        String[] f = line.strip().split("\\s+");
        String first = f.length == 0 ? "" : f[0];
        return first.substring(first.lastIndexOf(':') + 1);
    }

    private List<ServiceRuntime> allRuntimes() {
        List<ServiceRuntime> all = new ArrayList<>(active.values());
        all.addAll(retired);
        return all;
    }

    private void capacityChanged() {
        retired.removeIf(r -> r.running() == 0);
        active.values().forEach(ServiceRuntime::update);
    }

    /** Stops listening and the loop; running servers are left alone (as {@code stopsrc -s inetd}). */
    @Override
    public void close() {
        if (thread != null) {
            loop.execute(
                    () -> {
                        allRuntimes().forEach(ServiceRuntime::retire);
                        loop.stop();
                    });
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        spawner.shutdown();
        try {
            spawner.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exits.close();
        loop.close();
    }
}
