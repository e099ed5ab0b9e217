package org.opensrc.libsrc.posix;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The parent's copies of the descriptors a child will get as 0, 1, 2, 3, ...: opened (or duplicated) close-on-exec, and
 * all numbered at or above the child's fd count, so that dup2 to the child's numbers can never overwrite a source that
 * is still needed.
 */
final class ChildFds implements AutoCloseable {

    private static final int F_DUPFD_CLOEXEC = 1030;

    /** Opening the source for child fd {@code index} failed. */
    record Failure(int index, int errno, String message) {}

    private final int[] fds;
    private int opened;
    private Failure failure;

    private ChildFds(int count) {
        this.fds = new int[count];
    }

    /** Opens every source in order, as ourselves, and stops at the first failure. */
    static ChildFds open(List<FdSource> sources) {
        return open(sources, Optional.empty());
    }

    /**
     * Opens every source in order and stops at the first failure; files named by the definition ({@link
     * FdSource.ReadFile}, {@link FdSource.WriteFile}) are opened as {@code user} when present (a root caller spawning
     * for another user).
     */
    static ChildFds open(List<FdSource> sources, Optional<RunAs> user) {
        ChildFds result = new ChildFds(sources.size());
        for (int i = 0; i < sources.size(); i++) {
            if (!result.openNext(i, sources.get(i), user)) {
                break;
            }
        }
        return result;
    }

    Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    /** The parent's descriptor that becomes the child's fd {@code index}. */
    int source(int index) {
        return fds[index];
    }

    int count() {
        return fds.length;
    }

    private boolean openNext(int index, FdSource source, Optional<RunAs> user) {
        int floor = fds.length;
        switch (source) {
            case FdSource.DevNull() -> {
                return opened(
                        index,
                        openAbove(Path.of("/dev/null"), index == 0 ? Libc.O_RDONLY : Libc.O_WRONLY, floor, 0644),
                        "/dev/null");
            }
            case FdSource.ReadFile(Path path) -> {
                return opened(index, openAs(user, path, Libc.O_RDONLY | Libc.O_CREAT, floor), path + asWho(user));
            }
            case FdSource.WriteFile(Path path, boolean truncate) -> {
                int flags = Libc.O_WRONLY | Libc.O_CREAT | (truncate ? Libc.O_TRUNC : Libc.O_APPEND);
                return opened(index, openAs(user, path, flags, floor), path + asWho(user));
            }
            case FdSource.OwnLog(Path path) -> {
                int flags = Libc.O_WRONLY | Libc.O_CREAT | Libc.O_APPEND | Libc.O_NOFOLLOW;
                return opened(index, openAbove(path, flags, floor, 0640), path.toString());
            }
            case FdSource.Fd(int fd) -> {
                return opened(index, dupAbove(fd, floor), "fd " + fd);
            }
        }
    }

    private boolean opened(int index, long fdOrError, String what) {
        if (fdOrError >= 0) {
            fds[index] = (int) fdOrError;
            opened = index + 1;
            return true;
        }
        int errno = (int) -fdOrError;
        failure = new Failure(index, errno, what + ": " + PosixException.strerror(errno));
        return false;
    }

    private static String asWho(Optional<RunAs> user) {
        return user.map(u -> " (opened as uid " + u.uid() + ")").orElse("");
    }

    /**
     * Opens as {@code user} when present: on this thread with its filesystem ids switched, or, on a virtual thread
     * (which may change carriers), on a platform thread of its own.
     */
    private static long openAs(Optional<RunAs> user, Path path, int flags, int floor) {
        if (user.isEmpty()) {
            return openAbove(path, flags, floor, 0644);
        }
        if (Thread.currentThread().isVirtual()) {
            long[] result = new long[1];
            Thread opener =
                    Thread.ofPlatform().name("open-as-user").start(() -> result[0] = openAs(user, path, flags, floor));
            try {
                opener.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -Libc.EINTR;
            }
            return result[0];
        }
        RunAs u = user.get();
        try (ThreadCredentials switched = ThreadCredentials.switchFilesTo(u, Spawner.supplementaryGroups(u))) {
            if (switched.refusal().isPresent()) {
                return -switched.refusal().get().errno();
            }
            return openAbove(path, flags, floor, 0644);
        }
    }

    /** The new fd, or minus errno. */
    private static long openAbove(Path path, int flags, int floor, int mode) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            MemorySegment cpath = arena.allocateFrom(path.toString());
            int fd;
            do {
                fd = (int) H.OPEN.invokeExact(cap, cpath, flags | Libc.O_CLOEXEC, mode);
            } while (fd < 0 && Libc.errno(cap) == Libc.EINTR);
            if (fd < 0) {
                return -Libc.errno(cap);
            }
            if (fd >= floor) {
                return fd;
            }
            long moved = dupAbove(fd, floor);
            Posix.close(fd);
            return moved;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** A close-on-exec duplicate of {@code fd} numbered {@code floor} or above, or minus errno. */
    private static long dupAbove(int fd, int floor) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            int dup = (int) H.FCNTL.invokeExact(cap, fd, F_DUPFD_CLOEXEC, floor);
            return dup >= 0 ? dup : -Libc.errno(cap);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < opened; i++) {
            Posix.close(fds[i]);
        }
        opened = 0;
    }

    private static final class H {
        static final MethodHandle OPEN =
                Libc.errnoHandle(
                        "open",
                        FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
                        Linker.Option.firstVariadicArg(2));
        static final MethodHandle FCNTL =
                Libc.errnoHandle(
                        "fcntl",
                        FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT),
                        Linker.Option.firstVariadicArg(2));
    }
}
