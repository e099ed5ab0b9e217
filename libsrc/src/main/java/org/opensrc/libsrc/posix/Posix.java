package org.opensrc.libsrc.posix;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Process-level system calls: signals, identity, subreaping and reaping of single pids. Never waits on pid -1, so it
 * cannot steal another owner's child status.
 */
public final class Posix {

    static final int WNOHANG = 1;
    static final int WEXITED = 4;
    static final int WNOWAIT = 0x01000000;
    static final int P_ALL = 0;
    static final int P_PIDFD = 3;
    static final long SIGINFO_SIZE = 128;
    private static final int PR_SET_CHILD_SUBREAPER = 36;

    private Posix() {}

    /** Sends {@code sig} to {@code pid}; false if no such process exists (ESRCH). */
    public static boolean kill(int pid, int sig) {
        if (pid <= 0) {
            throw new IllegalArgumentException("kill needs a positive pid, got " + pid);
        }
        return sendSignal(pid, sig);
    }

    /** Sends {@code sig} to every process of group {@code pgid}; false if the group is empty. */
    public static boolean killGroup(int pgid, int sig) {
        if (pgid <= 1) {
            throw new IllegalArgumentException("killGroup needs a process group above 1, got " + pgid);
        }
        return sendSignal(-pgid, sig);
    }

    private static boolean sendSignal(int target, int sig) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            int r = (int) H.KILL.invokeExact(cap, target, sig);
            if (r == 0) {
                return true;
            }
            int errno = Libc.errno(cap);
            if (errno == Libc.ESRCH) {
                return false;
            }
            throw new PosixException("kill(" + target + ", " + sig + ")", errno);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** Makes this process the reaper of orphaned descendants (prctl PR_SET_CHILD_SUBREAPER). */
    public static void becomeChildSubreaper() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            int r = (int) H.PRCTL.invokeExact(cap, PR_SET_CHILD_SUBREAPER, 1L, 0L, 0L, 0L);
            if (r != 0) {
                throw new PosixException("prctl(PR_SET_CHILD_SUBREAPER)", Libc.errno(cap));
            }
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public static int geteuid() {
        try {
            return (int) H.GETEUID.invokeExact();
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public static int getegid() {
        try {
            return (int) H.GETEGID.invokeExact();
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public static int getpid() {
        try {
            return (int) H.GETPID.invokeExact();
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** The supplementary group ids of this process. */
    public static List<Integer> getgroups() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            int n = (int) H.GETGROUPS.invokeExact(cap, 0, MemorySegment.NULL);
            if (n < 0) {
                throw new PosixException("getgroups", Libc.errno(cap));
            }
            MemorySegment list = arena.allocate(JAVA_INT, Math.max(n, 1));
            int got = (int) H.GETGROUPS.invokeExact(cap, n, list);
            if (got < 0) {
                throw new PosixException("getgroups", Libc.errno(cap));
            }
            List<Integer> groups = new ArrayList<>(got);
            for (int i = 0; i < got; i++) {
                groups.add(list.getAtIndex(JAVA_INT, i));
            }
            return List.copyOf(groups);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** A new pipe, both ends close-on-exec (pass an end to a child as an {@link FdSource.Fd}). */
    public static Pipe pipe() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            MemorySegment ends = arena.allocate(JAVA_INT, 2);
            int r = (int) H.PIPE2.invokeExact(cap, ends, Libc.O_CLOEXEC);
            if (r != 0) {
                throw new PosixException("pipe2", Libc.errno(cap));
            }
            return new Pipe(ends.getAtIndex(JAVA_INT, 0), ends.getAtIndex(JAVA_INT, 1));
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** Closes a file descriptor this process owns. */
    public static void close(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            int r = (int) H.CLOSE.invokeExact(cap, fd);
            if (r != 0 && Libc.errno(cap) != Libc.EINTR) {
                throw new PosixException("close(" + fd + ")", Libc.errno(cap));
            }
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /**
     * Reaps child {@code pid} with {@code waitpid(pid)}. Empty if it still runs (when not blocking) or is not our
     * child.
     */
    public static Optional<ExitStatus> reap(int pid, boolean block) {
        if (pid <= 0) {
            throw new IllegalArgumentException("reap needs a positive pid, got " + pid);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            MemorySegment status = arena.allocate(JAVA_INT);
            while (true) {
                int r = (int) H.WAITPID.invokeExact(cap, pid, status, block ? 0 : WNOHANG);
                if (r == pid) {
                    return Optional.of(ExitStatus.fromWaitStatus(status.get(JAVA_INT, 0)));
                }
                if (r == 0) {
                    return Optional.empty();
                }
                int errno = Libc.errno(cap);
                if (errno == Libc.ECHILD) {
                    return Optional.empty();
                }
                if (errno != Libc.EINTR) {
                    throw new PosixException("waitpid(" + pid + ")", errno);
                }
            }
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /**
     * Reaps every exited child whose pid is not in {@code keep}: orphans reparented to this subreaper. Finds them with
     * {@code waitid(P_ALL, WEXITED|WNOHANG|WNOWAIT)}, which only peeks, and reaps each with {@code waitpid(pid)}. When
     * the peek shows a kept pid (it would hide the others behind it), the exited children are found in /proc instead.
     * Pids in {@code keep} are never reaped.
     */
    public static List<Reaped> reapOrphans(Set<Integer> keep) {
        List<Reaped> reaped = new ArrayList<>();
        while (true) {
            int peeked = peekExitedChild();
            if (peeked == 0) {
                return List.copyOf(reaped);
            }
            if (keep.contains(peeked)) {
                reaped.addAll(reapZombieChildrenFromProc(keep));
                return List.copyOf(reaped);
            }
            reap(peeked, false).ifPresent(status -> reaped.add(new Reaped(peeked, status)));
        }
    }

    private static List<Reaped> reapZombieChildrenFromProc(Set<Integer> keep) {
        int self = getpid();
        List<Reaped> reaped = new ArrayList<>();
        for (ProcInfo p : ProcessTable.system().all()) {
            if (p.ppid() == self && p.state() == 'Z' && !keep.contains(p.pid())) {
                reap(p.pid(), false).ifPresent(status -> reaped.add(new Reaped(p.pid(), status)));
            }
        }
        return reaped;
    }

    /** The pid of some exited, unreaped child, or 0 if there is none. */
    private static int peekExitedChild() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            MemorySegment info = arena.allocate(SIGINFO_SIZE, 8);
            while (true) {
                info.fill((byte) 0);
                int r = (int) H.WAITID.invokeExact(cap, P_ALL, 0, info, WEXITED | WNOHANG | WNOWAIT);
                if (r == 0) {
                    return info.get(JAVA_INT, 16);
                }
                int errno = Libc.errno(cap);
                if (errno == Libc.ECHILD) {
                    return 0;
                }
                if (errno != Libc.EINTR) {
                    throw new PosixException("waitid(P_ALL)", errno);
                }
            }
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private static final class H {
        static final MethodHandle KILL = Libc.errnoHandle("kill", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
        static final MethodHandle PRCTL =
                Libc.errnoHandle(
                        "prctl",
                        FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
                        Linker.Option.firstVariadicArg(1));
        static final MethodHandle GETEUID = Libc.handle("geteuid", FunctionDescriptor.of(JAVA_INT));
        static final MethodHandle GETEGID = Libc.handle("getegid", FunctionDescriptor.of(JAVA_INT));
        static final MethodHandle GETPID = Libc.handle("getpid", FunctionDescriptor.of(JAVA_INT));
        static final MethodHandle GETGROUPS =
                Libc.errnoHandle("getgroups", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
        static final MethodHandle PIPE2 = Libc.errnoHandle("pipe2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle CLOSE = Libc.errnoHandle("close", Libc.INT_INT);
        static final MethodHandle WAITPID =
                Libc.errnoHandle("waitpid", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle WAITID =
                Libc.errnoHandle("waitid", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    }
}
