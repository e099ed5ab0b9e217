package org.opensrc.libsrc.posix;

import static org.opensrc.libsrc.signal.Signals.SIGKILL;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts children with {@code posix_spawn}: the child's descriptors are exactly the given stdio and extra fds
 * (everything else is closed), its signal mask is empty and every signal has its default action, optionally in a new
 * session, at a nice value, as another user.
 *
 * <p>To run as another user, a root caller on a platform thread switches the real uid, gid and groups of its own OS
 * thread ({@link ThreadCredentials}), spawns with {@code POSIX_SPAWN_RESETIDS} (the child sets its effective ids to
 * those real ids before exec, and exec drops every capability) and switches back: no extra exec. Elsewhere (a virtual
 * thread, an unknown architecture) the child is {@code setpriv}, which execs the program in place, so the pid is the
 * program's either way.
 *
 * <p>The child is not reaped here; watch it with {@link ExitWatcher} or reap it with {@link Posix#reap}. A caller that
 * also runs {@link Posix#reapOrphans} must add the pid to its keep set before the next orphan sweep (run both on the
 * same thread).
 */
public final class Spawner {

    static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final short POSIX_SPAWN_RESETIDS = 0x01;
    private static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    private static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    private static final short POSIX_SPAWN_SETSID = 0x80;
    private static final long INTERNAL_SIGNALS = (1L << 31) | (1L << 32);
    private static final int X_OK = 1;
    private static final int PRIO_PROCESS = 0;
    private static final long OPAQUE_SIZE = 512; // file_actions 80, spawnattr 336, sigset 128 on glibc x86_64

    private Spawner() {}

    /** Spawns the child described by {@code spec}; failures are values naming the stage. */
    public static SpawnResult spawn(SpawnSpec spec) {
        return spawn(spec, true);
    }

    /** As {@link #spawn(SpawnSpec)}; {@code mayUseThread} false forces the setpriv path. */
    static SpawnResult spawn(SpawnSpec spec, boolean mayUseThread) {
        List<FdSource> sources = new ArrayList<>(List.of(spec.stdin(), spec.stdout(), spec.stderr()));
        sources.addAll(spec.extraFds());
        int euid = Posix.geteuid();
        Optional<RunAs> filesAs = spec.runAs().filter(u -> euid == 0 && needsSwitch(u, euid));
        try (ChildFds fds = ChildFds.open(sources, filesAs)) {
            Optional<ChildFds.Failure> failure = fds.failure();
            if (failure.isPresent()) {
                ChildFds.Failure f = failure.get();
                return new SpawnResult.Failed(
                        stageOfFd(f.index()), f.errno(), (f.index() > 2 ? "fd " + f.index() + ": " : "") + f.message());
            }
            return spawnWith(spec, fds, mayUseThread);
        }
    }

    private static SpawnStage stageOfFd(int index) {
        return switch (index) {
            case 0 -> SpawnStage.STDIN;
            case 1 -> SpawnStage.STDOUT;
            case 2 -> SpawnStage.STDERR;
            default -> SpawnStage.EXEC;
        };
    }

    private static SpawnResult spawnWith(SpawnSpec spec, ChildFds fds, boolean mayUseThread) {
        int euid = Posix.geteuid();
        List<String> argv = spec.argv();
        Path program = spec.executable();
        Optional<RunAs> threadSwitch = Optional.empty();
        if (spec.runAs().isPresent() && needsSwitch(spec.runAs().get(), euid)) {
            RunAs user = spec.runAs().get();
            if (euid != 0) {
                return new SpawnResult.Failed(
                        SpawnStage.USER,
                        Libc.EPERM,
                        "cannot run as uid " + user.uid() + ": not root (euid " + euid + ")");
            }
            if (mayUseThread && ThreadCredentials.canSwitch(euid)) {
                threadSwitch = Optional.of(user);
            } else {
                argv = setprivArgv(user, spec);
                program = SETPRIV;
            }
        }
        if (spec.nice() < 0 && euid != 0) {
            return new SpawnResult.Failed(
                    SpawnStage.USER, Libc.EACCES, "nice " + spec.nice() + " needs root (euid " + euid + ")");
        }
        Optional<SpawnResult.Failed> notRunnable = checkExecutable(spec.executable());
        if (notRunnable.isPresent()) {
            return notRunnable.get();
        }
        int pidOrError;
        if (threadSwitch.isPresent()) {
            RunAs user = threadSwitch.get();
            List<Integer> groups = supplementaryGroups(user);
            try (ThreadCredentials switched = ThreadCredentials.switchTo(user, groups)) {
                if (switched.refusal().isPresent()) {
                    ThreadCredentials.Refusal r = switched.refusal().get();
                    return new SpawnResult.Failed(
                            SpawnStage.USER,
                            r.errno(),
                            "cannot run as uid "
                                    + user.uid()
                                    + ": "
                                    + r.call()
                                    + ": "
                                    + PosixException.strerror(r.errno()));
                }
                pidOrError = posixSpawn(program, argv, spec.env(), fds, spec.newSession(), true);
            }
        } else {
            pidOrError = posixSpawn(program, argv, spec.env(), fds, spec.newSession(), false);
        }
        if (pidOrError < 0) {
            return new SpawnResult.Failed(
                    SpawnStage.EXEC,
                    -pidOrError,
                    "posix_spawn " + program + ": " + PosixException.strerror(-pidOrError));
        }
        int pid = pidOrError;
        if (spec.nice() != 0) {
            int errno = setpriority(pid, spec.nice());
            if (errno != 0) {
                Posix.kill(pid, SIGKILL);
                Posix.reap(pid, true);
                return new SpawnResult.Failed(
                        SpawnStage.USER, errno, "setpriority " + spec.nice() + ": " + PosixException.strerror(errno));
            }
        }
        long startTime =
                ProcessTable.system()
                        .startTime(pid)
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "spawned child " + pid + " vanished before it was reaped"));
        return new SpawnResult.Spawned(pid, startTime);
    }

    private static boolean needsSwitch(RunAs user, int euid) {
        return user.uid() != euid || user.gid() != Posix.getegid();
    }

    /**
     * The groups {@code setpriv --init-groups} gives ({@code initgroups} of the passwd entry), or only the gid for a
     * uid without a passwd entry.
     */
    static List<Integer> supplementaryGroups(RunAs user) {
        return GROUPS.get(user);
    }

    private static final UserDatabaseCache<RunAs, List<Integer>> GROUPS =
            new UserDatabaseCache<>(
                    user ->
                            Users.byUid(user.uid())
                                    .map(u -> Users.groupList(u.name(), u.gid()))
                                    .orElse(List.of(user.gid())));

    static List<String> setprivArgv(RunAs user, SpawnSpec spec) {
        List<String> argv = new ArrayList<>();
        argv.add(SETPRIV.toString());
        argv.add("--reuid=" + user.uid());
        argv.add("--regid=" + user.gid());
        // --init-groups needs a passwd entry; a bare numeric uid gets no supplementary groups
        argv.add(Users.byUid(user.uid()).isPresent() ? "--init-groups" : "--clear-groups");
        argv.add("--");
        argv.add(spec.executable().toString());
        argv.addAll(spec.argv().subList(1, spec.argv().size()));
        return argv;
    }

    private static Optional<SpawnResult.Failed> checkExecutable(Path executable) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            int r = (int) H.ACCESS.invokeExact(cap, arena.allocateFrom(executable.toString()), X_OK);
            if (r != 0) {
                int errno = Libc.errno(cap);
                return Optional.of(
                        new SpawnResult.Failed(
                                SpawnStage.EXEC, errno, executable + ": " + PosixException.strerror(errno)));
            }
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
        if (Files.isDirectory(executable)) {
            return Optional.of(new SpawnResult.Failed(SpawnStage.EXEC, Libc.EACCES, executable + ": is a directory"));
        }
        return Optional.empty();
    }

    /** The child's pid, or minus the error number posix_spawn returned. */
    private static int posixSpawn(
            Path program, List<String> argv, List<String> env, ChildFds fds, boolean setsid, boolean resetIds) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment actions = arena.allocate(OPAQUE_SIZE, 16);
            MemorySegment attr = arena.allocate(OPAQUE_SIZE, 16);
            MemorySegment empty = arena.allocate(OPAQUE_SIZE, 16);
            MemorySegment full = arena.allocate(OPAQUE_SIZE, 16);
            check("posix_spawn_file_actions_init", (int) H.FA_INIT.invokeExact(actions));
            try {
                for (int i = 0; i < fds.count(); i++) {
                    check("posix_spawn_file_actions_adddup2", (int) H.FA_DUP2.invokeExact(actions, fds.source(i), i));
                }
                check(
                        "posix_spawn_file_actions_addclosefrom_np",
                        (int) H.FA_CLOSEFROM.invokeExact(actions, fds.count()));
                check("posix_spawnattr_init", (int) H.ATTR_INIT.invokeExact(attr));
                try {
                    check("sigemptyset", (int) H.SIGEMPTYSET.invokeExact(empty));
                    check("sigfillset", (int) H.SIGFILLSET.invokeExact(full));
                    // glibc's sigfillset leaves out its internal signals 32 and 33, and its spawn
                    // helper then sets them to SIG_IGN in the child, which exec keeps. Adding them
                    // (bit n-1 of the first word) gives the program a default disposition for them.
                    full.set(JAVA_LONG, 0, full.get(JAVA_LONG, 0) | INTERNAL_SIGNALS);
                    short flags =
                            (short)
                                    (POSIX_SPAWN_SETSIGMASK
                                            | POSIX_SPAWN_SETSIGDEF
                                            | (setsid ? POSIX_SPAWN_SETSID : 0)
                                            | (resetIds ? POSIX_SPAWN_RESETIDS : 0));
                    check("posix_spawnattr_setflags", (int) H.ATTR_SETFLAGS.invokeExact(attr, flags));
                    check("posix_spawnattr_setsigmask", (int) H.ATTR_SETSIGMASK.invokeExact(attr, empty));
                    check("posix_spawnattr_setsigdefault", (int) H.ATTR_SETSIGDEF.invokeExact(attr, full));
                    MemorySegment pid = arena.allocate(JAVA_INT);
                    int err =
                            (int)
                                    H.SPAWN.invokeExact(
                                            pid,
                                            arena.allocateFrom(program.toString()),
                                            actions,
                                            attr,
                                            Libc.stringArray(arena, argv),
                                            Libc.stringArray(arena, env));
                    return err == 0 ? pid.get(JAVA_INT, 0) : -err;
                } finally {
                    int ignoredResult = (int) H.ATTR_DESTROY.invokeExact(attr);
                    assert ignoredResult == 0;
                }
            } finally {
                int ignoredResult = (int) H.FA_DESTROY.invokeExact(actions);
                assert ignoredResult == 0;
            }
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private static void check(String call, int result) {
        if (result != 0) {
            throw new PosixException(call, result);
        }
    }

    /** 0, or the errno of a failed setpriority. */
    private static int setpriority(int pid, int nice) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            int r = (int) H.SETPRIORITY.invokeExact(cap, PRIO_PROCESS, pid, nice);
            return r == 0 ? 0 : Libc.errno(cap);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private static final class H {
        static final FunctionDescriptor PTR = FunctionDescriptor.of(JAVA_INT, ADDRESS);
        static final MethodHandle FA_INIT = Libc.handle("posix_spawn_file_actions_init", PTR);
        static final MethodHandle FA_DESTROY = Libc.handle("posix_spawn_file_actions_destroy", PTR);
        static final MethodHandle FA_DUP2 =
                Libc.handle(
                        "posix_spawn_file_actions_adddup2",
                        FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
        static final MethodHandle FA_CLOSEFROM =
                Libc.handle(
                        "posix_spawn_file_actions_addclosefrom_np", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle ATTR_INIT = Libc.handle("posix_spawnattr_init", PTR);
        static final MethodHandle ATTR_DESTROY = Libc.handle("posix_spawnattr_destroy", PTR);
        static final MethodHandle ATTR_SETFLAGS =
                Libc.handle("posix_spawnattr_setflags", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_SHORT));
        static final MethodHandle ATTR_SETSIGMASK =
                Libc.handle("posix_spawnattr_setsigmask", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        static final MethodHandle ATTR_SETSIGDEF =
                Libc.handle("posix_spawnattr_setsigdefault", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        static final MethodHandle SIGEMPTYSET = Libc.handle("sigemptyset", PTR);
        static final MethodHandle SIGFILLSET = Libc.handle("sigfillset", PTR);
        static final MethodHandle SPAWN =
                Libc.handle(
                        "posix_spawn",
                        FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        static final MethodHandle ACCESS =
                Libc.errnoHandle("access", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle SETPRIORITY =
                Libc.errnoHandle("setpriority", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    }
}
