package org.opensrc.libsrc.posix;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * The glibc binding shared by this package: downcall handles that capture errno, and the constants of glibc on x86_64
 * Linux. Each class keeps its handles in a lazy holder, so a CLI that never spawns never pays for the spawn handles.
 */
final class Libc {

    static final Linker LINKER = Linker.nativeLinker();
    static final SymbolLookup C = LINKER.defaultLookup();
    static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    // errno values
    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int ESRCH = 3;
    static final int EINTR = 4;
    static final int ECHILD = 10;
    static final int EAGAIN = 11;
    static final int EACCES = 13;
    static final int ERANGE = 34;

    // open(2)
    static final int O_RDONLY = 0;
    static final int O_WRONLY = 1;
    static final int O_RDWR = 2;
    static final int O_CREAT = 0100;
    static final int O_TRUNC = 01000;
    static final int O_APPEND = 02000;
    static final int O_CLOEXEC = 02000000;
    static final int O_NOFOLLOW = "aarch64".equals(System.getProperty("os.arch")) ? 0100000 : 0400000;
    static final int ELOOP = 40;

    private Libc() {}

    /** A handle for {@code name} whose first argument is the errno capture segment. */
    @SuppressWarnings("restricted") // the one FFM layer; the launchers grant --enable-native-access
    static MethodHandle errnoHandle(String name, FunctionDescriptor descriptor, Linker.Option... extra) {
        Linker.Option[] options = new Linker.Option[extra.length + 1];
        options[0] = Linker.Option.captureCallState("errno");
        System.arraycopy(extra, 0, options, 1, extra.length);
        return LINKER.downcallHandle(symbol(name), descriptor, options);
    }

    /** A handle for a function that reports errors by its return value, not errno. */
    @SuppressWarnings("restricted") // the one FFM layer; the launchers grant --enable-native-access
    static MethodHandle handle(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(symbol(name), descriptor);
    }

    static MemorySegment symbol(String name) {
        return C.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
    }

    static MemorySegment capture(Arena arena) {
        return arena.allocate(CAPTURE);
    }

    static int errno(MemorySegment capture) {
        return (int) ERRNO.get(capture, 0L);
    }

    /** A NULL-terminated {@code char*[]} holding {@code strings}. */
    static MemorySegment stringArray(Arena arena, List<String> strings) {
        MemorySegment array = arena.allocate(ADDRESS, strings.size() + 1L);
        for (int i = 0; i < strings.size(); i++) {
            array.setAtIndex(ADDRESS, i, arena.allocateFrom(strings.get(i)));
        }
        array.setAtIndex(ADDRESS, strings.size(), MemorySegment.NULL);
        return array;
    }

    /** The NUL-terminated string at {@code pointer}, or null for a NULL pointer. */
    @SuppressWarnings("restricted") // the one FFM layer; the launchers grant --enable-native-access
    static String string(MemorySegment pointer) {
        if (pointer.equals(MemorySegment.NULL)) {
            return null;
        }
        return pointer.reinterpret(Integer.MAX_VALUE).getString(0);
    }

    /** Turns what {@code invokeExact} threw into an unchecked exception. */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("native call failed", t);
    }

    static final FunctionDescriptor INT_INT = FunctionDescriptor.of(JAVA_INT, JAVA_INT);
}
