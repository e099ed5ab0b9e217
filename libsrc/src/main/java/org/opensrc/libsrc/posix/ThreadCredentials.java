package org.opensrc.libsrc.posix;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Optional;

/**
 * Switches the real uid, real gid and supplementary groups of the calling OS thread only,
 * so that a child spawned from it with {@code POSIX_SPAWN_RESETIDS} runs as another user
 * without an extra exec.
 *
 * <p>Linux keeps credentials per thread; only glibc's {@code setuid}-family wrappers copy a
 * change to every thread of the process. This class calls the raw system calls through
 * {@code syscall(2)} instead, so the other threads of the JVM keep running as root. The
 * effective uid stays 0 the whole time, so the thread keeps its capabilities and can switch
 * back. Only a platform thread may do this: a virtual thread could move to another carrier
 * between two calls. Not for virtual threads, not for other architectures than x86_64 and
 * aarch64 (the system call numbers differ); see {@link #canSwitch}.
 *
 * <p>While switched, a process of the target user may signal this thread with
 * {@code tgkill} (the kernel checks the real uid); the window lasts one {@code posix_spawn}.
 */
final class ThreadCredentials implements AutoCloseable {

    /** The system call numbers of one architecture. */
    private record Numbers(long setgroups, long setresuid, long setresgid) {
    }

    private static final Optional<Numbers> NUMBERS = switch (System.getProperty("os.arch")) {
        case "amd64", "x86_64" -> Optional.of(new Numbers(116, 117, 119));
        case "aarch64" -> Optional.of(new Numbers(159, 147, 149));
        default -> Optional.empty();
    };
    private static final long UNCHANGED = -1;

    /** Why the switch was refused: the system call and its errno. */
    record Refusal(String call, int errno) {
    }

    private final Thread owner;
    private final long realUid;
    private final long realGid;
    private final List<Integer> groups;
    private Optional<Refusal> refusal = Optional.empty();

    private ThreadCredentials(long realUid, long realGid, List<Integer> groups) {
        this.owner = Thread.currentThread();
        this.realUid = realUid;
        this.realGid = realGid;
        this.groups = groups;
    }

    /**
     * Whether the calling thread can switch: a root process ({@code euid} 0), a platform
     * thread and an architecture whose system call numbers are known.
     */
    static boolean canSwitch(int euid) {
        return euid == 0 && NUMBERS.isPresent() && !Thread.currentThread().isVirtual();
    }

    /**
     * Sets this thread's supplementary groups to {@code groups}, its real gid to
     * {@code user.gid()} and its real uid to {@code user.uid()}; effective and saved ids stay.
     * Always close the result (on this thread) to restore the thread, also when
     * {@link #refusal} is present: a refused step may follow ones that succeeded.
     */
    static ThreadCredentials switchTo(RunAs user, List<Integer> groups) {
        if (!canSwitch(Posix.geteuid())) {
            throw new IllegalStateException("cannot switch the credentials of " + Thread.currentThread());
        }
        ThreadCredentials saved = new ThreadCredentials(Integer.toUnsignedLong(getid(H.GETUID)),
                Integer.toUnsignedLong(getid(H.GETGID)), Posix.getgroups());
        Numbers n = NUMBERS.orElseThrow();
        int errno = setgroups(n, groups);
        if (errno != 0) {
            saved.refusal = Optional.of(new Refusal("setgroups", errno));
            return saved;
        }
        errno = setres(n.setresgid(), user.gid());
        if (errno != 0) {
            saved.refusal = Optional.of(new Refusal("setresgid(" + user.gid() + ")", errno));
            return saved;
        }
        errno = setres(n.setresuid(), user.uid());
        if (errno != 0) {
            saved.refusal = Optional.of(new Refusal("setresuid(" + user.uid() + ")", errno));
        }
        return saved;
    }

    /** Present when a step of the switch failed; the thread may then be partly switched. */
    Optional<Refusal> refusal() {
        return refusal;
    }

    /**
     * Puts back the real uid, real gid and groups the thread had. A failure here is a broken
     * system or a bug, and throws: the thread must not go on with foreign credentials.
     */
    @Override
    public void close() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("credentials switched on " + owner + " restored on "
                    + Thread.currentThread());
        }
        Numbers n = NUMBERS.orElseThrow();
        restore("setresuid(" + realUid + ")", setres(n.setresuid(), realUid));
        restore("setresgid(" + realGid + ")", setres(n.setresgid(), realGid));
        restore("setgroups", setgroups(n, groups));
    }

    private static void restore(String call, int errno) {
        if (errno != 0) {
            throw new PosixException("restoring thread credentials: " + call, errno);
        }
    }

    /** 0, or the errno of {@code setres[ug]id(real, -1, -1)} on this thread. */
    private static int setres(long number, long real) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            long r = (long) H.SYSCALL_IDS.invokeExact(cap, number, real, UNCHANGED, UNCHANGED);
            return r == 0 ? 0 : Libc.errno(cap);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** 0, or the errno of {@code setgroups} on this thread. */
    private static int setgroups(Numbers n, List<Integer> groups) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            MemorySegment list = arena.allocate(JAVA_INT, Math.max(groups.size(), 1));
            for (int i = 0; i < groups.size(); i++) {
                list.setAtIndex(JAVA_INT, i, groups.get(i));
            }
            long r = (long) H.SYSCALL_GROUPS.invokeExact(cap, n.setgroups(), (long) groups.size(), list);
            return r == 0 ? 0 : Libc.errno(cap);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private static int getid(MethodHandle handle) {
        try {
            return (int) handle.invokeExact();
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private static final class H {
        // long syscall(long number, ...): the arguments are passed as longs, as the kernel reads them
        static final MethodHandle SYSCALL_IDS = Libc.errnoHandle("syscall",
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
                Linker.Option.firstVariadicArg(1));
        static final MethodHandle SYSCALL_GROUPS = Libc.errnoHandle("syscall",
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS),
                Linker.Option.firstVariadicArg(1));
        static final MethodHandle GETUID = Libc.handle("getuid", FunctionDescriptor.of(JAVA_INT));
        static final MethodHandle GETGID = Libc.handle("getgid", FunctionDescriptor.of(JAVA_INT));
    }
}
