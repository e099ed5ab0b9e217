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
 * Switches the real uid, real gid and supplementary groups of the calling OS thread only, so that a child spawned from
 * it with {@code POSIX_SPAWN_RESETIDS} runs as another user without an extra exec.
 *
 * <p>Linux keeps credentials per thread; only glibc's {@code setuid}-family wrappers copy a change to every thread of
 * the process. This class calls the raw system calls through {@code syscall(2)} instead, so the other threads of the
 * JVM keep running as root. The effective uid stays 0 the whole time, so the thread keeps its capabilities and can
 * switch back. Only a platform thread may do this: a virtual thread could move to another carrier between two calls.
 * Not for virtual threads, not for other architectures than x86_64 and aarch64 (the system call numbers differ); see
 * {@link #canSwitch}.
 *
 * <p>While switched, a process of the target user may signal this thread with {@code tgkill} (the kernel checks the
 * real uid); the window lasts one {@code posix_spawn}.
 *
 * <p>{@link #switchFilesTo} switches the filesystem uid and gid and the groups instead: the kernel then checks every
 * {@code open} of this thread as the target user's (and drops the capabilities that bypass file permissions), so a file
 * a child gets as its stdio is one its user could have opened itself, never one root reached through a symlink the user
 * planted.
 */
final class ThreadCredentials implements AutoCloseable {

    /** The system call numbers of one architecture. */
    private record Numbers(long setgroups, long setresuid, long setresgid, long setfsuid, long setfsgid) {}

    private static final Optional<Numbers> NUMBERS =
            switch (System.getProperty("os.arch")) {
                case "amd64", "x86_64" -> Optional.of(new Numbers(116, 117, 119, 122, 123));
                case "aarch64" -> Optional.of(new Numbers(159, 147, 149, 151, 152));
                default -> Optional.empty();
            };

    /** Which ids a switch changed, so {@link #close} puts back the same ones. */
    private enum Kind {
        REAL,
        FILESYSTEM
    }

    private static final long UNCHANGED = -1;

    /** Why the switch was refused: the system call and its errno. */
    record Refusal(String call, int errno) {}

    private final Thread owner;
    private final Kind kind;
    private final long savedUid;
    private final long savedGid;
    private final List<Integer> groups;
    private Optional<Refusal> refusal = Optional.empty();

    private ThreadCredentials(Kind kind, long savedUid, long savedGid, List<Integer> groups) {
        this.owner = Thread.currentThread();
        this.kind = kind;
        this.savedUid = savedUid;
        this.savedGid = savedGid;
        this.groups = groups;
    }

    /**
     * Whether the calling thread can switch: a root process ({@code euid} 0), a platform thread and an architecture
     * whose system call numbers are known.
     */
    static boolean canSwitch(int euid) {
        return euid == 0 && NUMBERS.isPresent() && !Thread.currentThread().isVirtual();
    }

    /**
     * Sets this thread's supplementary groups to {@code groups}, its real gid to {@code user.gid()} and its real uid to
     * {@code user.uid()}; effective and saved ids stay. Always close the result (on this thread) to restore the thread,
     * also when {@link #refusal} is present: a refused step may follow ones that succeeded.
     */
    static ThreadCredentials switchTo(RunAs user, List<Integer> groups) {
        if (!canSwitch(Posix.geteuid())) {
            throw new IllegalStateException("cannot switch the credentials of " + Thread.currentThread());
        }
        ThreadCredentials saved =
                new ThreadCredentials(
                        Kind.REAL,
                        Integer.toUnsignedLong(getid(H.GETUID)),
                        Integer.toUnsignedLong(getid(H.GETGID)),
                        Posix.getgroups());
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

    /**
     * Sets this thread's supplementary groups to {@code groups} and its filesystem gid and uid to the user's: files
     * this thread opens until {@link #close} are opened as that user. Always close the result on this thread, also when
     * {@link #refusal} is present.
     */
    static ThreadCredentials switchFilesTo(RunAs user, List<Integer> groups) {
        if (!canSwitch(Posix.geteuid())) {
            throw new IllegalStateException("cannot switch the credentials of " + Thread.currentThread());
        }
        Numbers n = NUMBERS.orElseThrow();
        ThreadCredentials saved =
                new ThreadCredentials(
                        Kind.FILESYSTEM, currentFs(n.setfsuid()), currentFs(n.setfsgid()), Posix.getgroups());
        int errno = setgroups(n, groups);
        if (errno != 0) {
            saved.refusal = Optional.of(new Refusal("setgroups", errno));
            return saved;
        }
        if (!setFs(n.setfsgid(), user.gid())) {
            saved.refusal = Optional.of(new Refusal("setfsgid(" + user.gid() + ")", Libc.EPERM));
            return saved;
        }
        if (!setFs(n.setfsuid(), user.uid())) {
            saved.refusal = Optional.of(new Refusal("setfsuid(" + user.uid() + ")", Libc.EPERM));
        }
        return saved;
    }

    /** Present when a step of the switch failed; the thread may then be partly switched. */
    Optional<Refusal> refusal() {
        return refusal;
    }

    /**
     * Puts back the real uid, real gid and groups the thread had. A failure here is a broken system or a bug, and
     * throws: the thread must not go on with foreign credentials.
     */
    @Override
    public void close() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException(
                    "credentials switched on " + owner + " restored on " + Thread.currentThread());
        }
        Numbers n = NUMBERS.orElseThrow();
        switch (kind) {
            case REAL -> {
                restore("setresuid(" + savedUid + ")", setres(n.setresuid(), savedUid));
                restore("setresgid(" + savedGid + ")", setres(n.setresgid(), savedGid));
            }
            case FILESYSTEM -> {
                restore("setfsuid(" + savedUid + ")", setFs(n.setfsuid(), savedUid) ? 0 : Libc.EPERM);
                restore("setfsgid(" + savedGid + ")", setFs(n.setfsgid(), savedGid) ? 0 : Libc.EPERM);
            }
        }
        restore("setgroups", setgroups(n, groups));
    }

    /**
     * {@code setfs[ug]id(id)} on this thread; whether the id is now {@code id}. The call returns the previous id and
     * never fails, so success is read back with an invalid id (-1), which changes nothing and returns the current one.
     */
    private static boolean setFs(long number, long id) {
        syscall1(number, id);
        return currentFs(number) == id;
    }

    private static long currentFs(long number) {
        return Integer.toUnsignedLong((int) syscall1(number, 0xffff_ffffL));
    }

    private static long syscall1(long number, long argument) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            return (long) H.SYSCALL_IDS.invokeExact(cap, number, argument, UNCHANGED, UNCHANGED);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
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
        static final MethodHandle SYSCALL_IDS =
                Libc.errnoHandle(
                        "syscall",
                        FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
                        Linker.Option.firstVariadicArg(1));
        static final MethodHandle SYSCALL_GROUPS =
                Libc.errnoHandle(
                        "syscall",
                        FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS),
                        Linker.Option.firstVariadicArg(1));
        static final MethodHandle GETUID = Libc.handle("getuid", FunctionDescriptor.of(JAVA_INT));
        static final MethodHandle GETGID = Libc.handle("getgid", FunctionDescriptor.of(JAVA_INT));
    }
}
