package org.opensrc.libsrc.posix;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A {@code flock(2)} lock on a lock file, held until {@link #close()}. The lock belongs to the open file description,
 * so two holders in one process exclude each other exactly as two processes do, and the kernel drops it when the holder
 * dies. The file is made owner-only ({@code 0600}) and opened without following a symbolic link: only its owner (root,
 * for the system's files) can take a lock, so no other user can hold writers off.
 */
public final class LockFile implements AutoCloseable {

    private static final int LOCK_SH = 1;
    private static final int LOCK_EX = 2;

    private int fd;

    private LockFile(int fd) {
        this.fd = fd;
    }

    /** Waits for the exclusive lock on {@code file}, creating the file when it is missing. */
    public static LockFile exclusive(Path file) {
        int fd = open(file, Libc.O_RDWR | Libc.O_CREAT);
        if (fd < 0) {
            throw new PosixException("open(" + file + ")", -fd);
        }
        return lock(fd, LOCK_EX, file);
    }

    /**
     * Waits for a shared lock on {@code file}; empty when the file does not exist or this user may not open it (a
     * reader that cannot lock reads without the lock: each file of the registry is replaced atomically).
     */
    public static Optional<LockFile> shared(Path file) {
        int fd = open(file, Libc.O_RDONLY);
        if (fd == -Libc.ENOENT || fd == -Libc.EACCES || fd == -Libc.EPERM) {
            return Optional.empty();
        }
        if (fd < 0) {
            throw new PosixException("open(" + file + ")", -fd);
        }
        return Optional.of(lock(fd, LOCK_SH, file));
    }

    /** Releases the lock (closing the descriptor releases it). */
    @Override
    public void close() {
        if (fd >= 0) {
            Posix.close(fd);
            fd = -1;
        }
    }

    private static LockFile lock(int fd, int operation, Path file) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            while (true) {
                int r = (int) H.FLOCK.invokeExact(cap, fd, operation);
                if (r == 0) {
                    return new LockFile(fd);
                }
                int errno = Libc.errno(cap);
                if (errno != Libc.EINTR) {
                    Posix.close(fd);
                    throw new PosixException("flock(" + file + ")", errno);
                }
            }
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** The descriptor, or minus errno. */
    private static int open(Path file, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            int fd =
                    (int)
                            H.OPEN.invokeExact(
                                    cap,
                                    arena.allocateFrom(file.toString()),
                                    flags | Libc.O_CLOEXEC | Libc.O_NOFOLLOW,
                                    0600);
            return fd >= 0 ? fd : -Libc.errno(cap);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private static final class H {
        static final MethodHandle OPEN =
                Libc.errnoHandle(
                        "open",
                        FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
                        Linker.Option.firstVariadicArg(2));
        static final MethodHandle FLOCK =
                Libc.errnoHandle("flock", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    }
}
