package org.opensrc.libsrc.posix;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Who connected a Unix socket, as the kernel recorded it at {@code connect(2)}: {@code SO_PEERCRED} (pid, uid, gid) and
 * {@code SO_PEERGROUPS} (supplementary groups). Both are copies taken when the peer connected; they never change
 * afterwards, whoever holds the socket later and whatever process gets that pid. {@code gids} holds the primary group
 * first, then the supplementary groups, without repeats.
 */
public record PeerCredentials(int pid, int uid, int gid, List<Integer> gids) {

    private static final int SOL_SOCKET = 1;
    private static final int SO_PEERCRED = 17;
    private static final int SO_PEERGROUPS = 59;

    public PeerCredentials {
        gids = List.copyOf(gids);
    }

    /** The credentials of the peer of the connected Unix socket {@code fd}. */
    public static PeerCredentials of(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = Libc.capture(arena);
            MemorySegment ucred = arena.allocate(JAVA_INT, 3);
            MemorySegment length = arena.allocate(JAVA_INT);
            length.set(JAVA_INT, 0, (int) ucred.byteSize());
            int r = (int) H.GETSOCKOPT.invokeExact(cap, fd, SOL_SOCKET, SO_PEERCRED, ucred, length);
            if (r != 0) {
                throw new PosixException("getsockopt(" + fd + ", SO_PEERCRED)", Libc.errno(cap));
            }
            int gid = ucred.getAtIndex(JAVA_INT, 2);
            var gids = new LinkedHashSet<Integer>();
            gids.add(gid);
            gids.addAll(peerGroups(arena, cap, fd));
            return new PeerCredentials(
                    ucred.getAtIndex(JAVA_INT, 0), ucred.getAtIndex(JAVA_INT, 1), gid, List.copyOf(gids));
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    // SO_PEERGROUPS answers ERANGE with the size it needs when the buffer is too small.
    private static List<Integer> peerGroups(Arena arena, MemorySegment cap, int fd) throws Throwable {
        int capacity = 64;
        while (true) {
            MemorySegment groups = arena.allocate(JAVA_INT, capacity);
            MemorySegment length = arena.allocate(JAVA_INT);
            length.set(JAVA_INT, 0, (int) groups.byteSize());
            int r = (int) H.GETSOCKOPT.invokeExact(cap, fd, SOL_SOCKET, SO_PEERGROUPS, groups, length);
            if (r == 0) {
                int n = length.get(JAVA_INT, 0) / Integer.BYTES;
                List<Integer> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(groups.getAtIndex(JAVA_INT, i));
                }
                return list;
            }
            int errno = Libc.errno(cap);
            if (errno != Libc.ERANGE) {
                throw new PosixException("getsockopt(" + fd + ", SO_PEERGROUPS)", errno);
            }
            capacity = Math.max(capacity * 2, length.get(JAVA_INT, 0) / Integer.BYTES);
        }
    }

    private static final class H {
        static final MethodHandle GETSOCKOPT =
                Libc.errnoHandle(
                        "getsockopt", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    }
}
