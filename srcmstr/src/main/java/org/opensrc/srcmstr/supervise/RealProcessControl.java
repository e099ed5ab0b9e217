package org.opensrc.srcmstr.supervise;

import static org.opensrc.libsrc.signal.Signals.SIGKILL;

import org.opensrc.libsrc.posix.ExitEvent;
import org.opensrc.libsrc.posix.ExitWatcher;
import org.opensrc.libsrc.posix.FdSource;
import org.opensrc.libsrc.posix.Posix;
import org.opensrc.libsrc.posix.ProcInfo;
import org.opensrc.libsrc.posix.ProcessTable;
import org.opensrc.libsrc.posix.RunAs;
import org.opensrc.libsrc.posix.SpawnResult;
import org.opensrc.libsrc.posix.SpawnSpec;
import org.opensrc.libsrc.posix.Spawner;
import org.opensrc.libsrc.posix.User;
import org.opensrc.libsrc.posix.Users;
import org.opensrc.libsrc.signal.Signals;
import org.opensrc.srcmstr.registry.SubsystemDef;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@link ProcessControl} on the FFM POSIX layer: {@code posix_spawn} in a new session, pidfd exit watching, /proc for
 * the process tree.
 *
 * <ul>
 *   <li>argv = [{@code path}, {@code cmdargs} split shell-style…, {@code startsrc -a} words…].
 *   <li>Environment: a fresh login-style one for the subsystem's uid (HOME, USER, LOGNAME, SHELL, PATH), then the
 *       {@code startsrc -e} words on top; nothing is inherited.
 *   <li>stdin from {@code standin} (created if missing), stdout/stderr to {@code standout} / {@code standerr} created
 *       and truncated; an empty path means /dev/null. The AIX default /dev/console makes no sense on Linux: stdin then
 *       reads /dev/null and the outputs are appended to {@code $SRC_ROOT/var/log/src/<subsystem>.log}.
 *   <li>nice = {@code priority − 20} (AIX), clamped to -20..19; another uid runs through libsrc's {@code Spawner}
 *       (per-thread credentials and POSIX_SPAWN_RESETIDS, or {@code setpriv}) with that user's primary group.
 *   <li>Exits are reported on the "pidfd-watcher" thread with the survivors of the process's session and descendants
 *       (oldest first). A daemon that calls {@code setsid} itself leaves the session and is not seen as a survivor.
 *   <li>Reaping of orphans re-parented to srcmstr (subreaper) is not done here: whoever runs {@link Posix#reapOrphans}
 *       must keep {@link #watchedPids()} out of it.
 * </ul>
 */
public final class RealProcessControl implements ProcessControl, AutoCloseable {

    private static final String CONSOLE = "/dev/console";

    private record Watched(DeathListener listener, int sessionId) {}

    private final ProcessTable table;
    private final Function<String, Path> consoleLog;
    private final SpawnHooks hooks;
    private final int ownSession;
    private final ExitWatcher watcher;
    private final Map<Integer, Watched> watched = new ConcurrentHashMap<>();

    public RealProcessControl(ProcessTable table) {
        this(table, null, SpawnHooks.NONE);
    }

    /**
     * @param consoleLog where output goes, appended, that a definition sends to {@code /dev/console} (srcmstr passes
     *     {@link org.opensrc.libsrc.SrcPaths#subsystemLog}); null keeps /dev/console
     */
    public RealProcessControl(ProcessTable table, Function<String, Path> consoleLog, SpawnHooks hooks) {
        this.table = table;
        this.consoleLog = consoleLog;
        this.hooks = hooks;
        this.ownSession = table.read(Posix.getpid()).map(ProcInfo::sid).orElse(0);
        this.watcher = new ExitWatcher(this::exited);
    }

    @Override
    public SpawnOutcome spawn(SpawnOrder order) {
        SubsystemDef def = order.definition();
        Optional<User> user = Users.byUid(Math.toIntExact(def.uid()));
        if (user.isEmpty()) {
            return new SpawnOutcome.Failed(SpawnStage.USER, "no user with uid " + def.uid());
        }
        List<String> argv = new ArrayList<>();
        argv.add(def.path());
        List<String> env;
        try {
            argv.addAll(ShellWords.split(def.cmdargs()));
            env = environment(user.get(), order.env());
        } catch (IllegalArgumentException e) {
            return new SpawnOutcome.Failed(SpawnStage.EXEC, e.getMessage());
        }
        argv.addAll(order.args());
        List<String> hookEnv = hooks.environment(order);
        if (!hookEnv.isEmpty()) {
            env = new ArrayList<>(env);
            env.addAll(hookEnv);
        }
        SpawnSpec spec =
                new SpawnSpec(
                        Path.of(def.path()),
                        argv,
                        env,
                        input(def.standin()),
                        output(def.standout(), def.subsysname()),
                        output(def.standerr(), def.subsysname()),
                        List.of(),
                        true,
                        Math.clamp(def.priority() - 20L, -20, 19),
                        Optional.empty());
        if (def.uid() != Posix.geteuid()) {
            spec = spec.withRunAs(new RunAs(user.get().uid(), user.get().gid()));
        }
        return switch (Spawner.spawn(spec)) {
            case SpawnResult.Spawned s -> {
                hooks.spawned(order, s.pid());
                yield new SpawnOutcome.Spawned(s.pid(), OptionalLong.of(s.startTime()));
            }
            case SpawnResult.Failed f -> {
                hooks.failed(order);
                yield new SpawnOutcome.Failed(SpawnStage.of(f.stage()), f.message() + " (errno " + f.errno() + ")");
            }
        };
    }

    private static List<String> environment(User user, List<String> extra) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", user.home());
        env.put("USER", user.name());
        env.put("LOGNAME", user.name());
        env.put("SHELL", user.shell());
        env.put("PATH", SpawnSpec.LOGIN_PATH);
        for (String word : extra) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("an environment word is not NAME=value");
            }
            env.put(word.substring(0, eq), word.substring(eq + 1));
        }
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    private FdSource input(String path) {
        boolean none =
                path == null
                        || path.isBlank()
                        || path.equals("/dev/null")
                        || (consoleLog != null && path.equals(CONSOLE));
        return none ? new FdSource.DevNull() : new FdSource.ReadFile(Path.of(path));
    }

    /** AIX opens outputs with create + truncate; /dev/console becomes the subsystem's log (appended). */
    private FdSource output(String path, String subsysname) {
        if (path == null || path.isBlank() || path.equals("/dev/null")) {
            return new FdSource.DevNull();
        }
        if (consoleLog != null && path.equals(CONSOLE)) {
            return new FdSource.OwnLog(consoleLog.apply(subsysname));
        }
        return new FdSource.WriteFile(Path.of(path), true);
    }

    @Override
    public void signal(long pid, String signalName) {
        Posix.kill(Math.toIntExact(pid), Signals.number(signalName));
    }

    @Override
    public void killTree(long pid, long sessionId) {
        int sid = session(Math.toIntExact(sessionId));
        int self = Posix.getpid();
        Posix.kill(Math.toIntExact(pid), SIGKILL);
        for (ProcInfo p : table.tree(Math.toIntExact(pid), sid, true)) {
            if (p.pid() != self) {
                Posix.kill(p.pid(), SIGKILL);
            }
        }
        if (sid > 1) {
            Posix.killGroup(sid, SIGKILL);
        }
    }

    @Override
    public void watch(long pid, DeathListener listener) {
        int p = Math.toIntExact(pid);
        int sid = session(table.read(p).map(ProcInfo::sid).orElse(0));
        watched.put(p, new Watched(listener, sid));
        if (!watcher.watch(p)) {
            Watched gone = watched.remove(p);
            if (gone != null) {
                gone.listener().died(pid, "unknown", survivors(p, sid));
            }
        }
    }

    /** The pids watched now: keep them out of an orphan sweep. */
    public Set<Integer> watchedPids() {
        return watcher.watched();
    }

    private void exited(ExitEvent event) {
        hooks.ended(event.pid());
        Watched w = watched.remove(event.pid());
        if (w != null) {
            w.listener().died(event.pid(), event.status().describe(), survivors(event.pid(), w.sessionId()));
        }
    }

    /**
     * Live processes left in the tree of {@code pid} after it ended. Most deaths leave nothing: when no process is left
     * in the session's process group, the /proc scan (milliseconds per death, more on a busy host) is skipped.
     */
    private List<Long> survivors(int pid, int sid) {
        int group = sid > 0 ? sid : pid;
        if (!Posix.killGroup(group, 0)) {
            return List.of();
        }
        return table.tree(pid, sid, false).stream()
                .filter(p -> p.pid() != pid && p.pid() != Posix.getpid())
                .sorted(Comparator.comparingLong(ProcInfo::startTime).thenComparingInt(ProcInfo::pid))
                .map(p -> (long) p.pid())
                .toList();
    }

    /** Never treat srcmstr's own session as a subsystem's. */
    private int session(int sid) {
        return sid == ownSession ? 0 : sid;
    }

    @Override
    public void close() {
        watcher.close();
    }
}
