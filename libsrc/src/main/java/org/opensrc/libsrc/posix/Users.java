package org.opensrc.libsrc.posix;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * User and group lookups through the C library ({@code getpwnam_r}, {@code getpwuid_r}, {@code getgrnam_r}), so NSS
 * sources beyond /etc/passwd are honoured.
 */
public final class Users {

    private static final long PASSWD_SIZE = 48; // name, passwd, uid, gid, gecos, dir, shell
    private static final long GROUP_SIZE = 32; // name, passwd, gid, mem
    private static final long FIRST_BUFFER = 1024;
    private static final long MAX_BUFFER = 1 << 20;

    private Users() {}

    public static Optional<User> byName(String name) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return passwd(arena -> arena.allocateFrom(name), -1);
    }

    public static Optional<User> byUid(int uid) {
        if (uid < 0) {
            return Optional.empty();
        }
        return passwd(null, uid);
    }

    /** The user named {@code nameOrNumber}, else the user with that numeric uid. */
    public static Optional<User> lookup(String nameOrNumber) {
        Optional<User> byName = byName(nameOrNumber);
        if (byName.isPresent() || !isNumber(nameOrNumber)) {
            return byName;
        }
        return byUid(Integer.parseInt(nameOrNumber));
    }

    /** The id of group {@code name}, else the number itself if {@code name} is numeric. */
    public static Optional<Integer> groupId(String name) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        for (long size = FIRST_BUFFER; size <= MAX_BUFFER; size *= 2) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment group = arena.allocate(GROUP_SIZE, 8);
                MemorySegment result = arena.allocate(ADDRESS);
                int err =
                        (int)
                                H.GETGRNAM_R.invokeExact(
                                        arena.allocateFrom(name), group, arena.allocate(size), size, result);
                if (err == Libc.ERANGE) {
                    continue;
                }
                if (err == 0 && !result.get(ADDRESS, 0).equals(MemorySegment.NULL)) {
                    return Optional.of(group.get(JAVA_INT, 16));
                }
                if (err != 0 && err != Libc.ENOENT && err != Libc.ESRCH) {
                    throw new PosixException("getgrnam_r(" + name + ")", err);
                }
                return isNumber(name) ? Optional.of(Integer.parseInt(name)) : Optional.empty();
            } catch (Throwable t) {
                throw Libc.rethrow(t);
            }
        }
        throw new PosixException("getgrnam_r(" + name + ")", Libc.ERANGE);
    }

    /**
     * The groups {@code initgroups(name, gid)} would give: {@code gid} plus every group that lists {@code name} as a
     * member ({@code getgrouplist}).
     */
    public static List<Integer> groupList(String name, int gid) {
        int capacity = 32;
        while (true) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment groups = arena.allocate(JAVA_INT, capacity);
                MemorySegment count = arena.allocate(JAVA_INT);
                count.set(JAVA_INT, 0, capacity);
                int n = (int) H.GETGROUPLIST.invokeExact(arena.allocateFrom(name), gid, groups, count);
                if (n >= 0) {
                    List<Integer> list = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        list.add(groups.getAtIndex(JAVA_INT, i));
                    }
                    return List.copyOf(list);
                }
                // too small: glibc stored the number it needs
                capacity = Math.max(capacity * 2, count.get(JAVA_INT, 0));
            } catch (Throwable t) {
                throw Libc.rethrow(t);
            }
        }
    }

    private interface Key {
        MemorySegment make(Arena arena);
    }

    /** Looks up by {@code name} when it is not null, else by {@code uid}. */
    private static Optional<User> passwd(Key name, int uid) {
        for (long size = FIRST_BUFFER; size <= MAX_BUFFER; size *= 2) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment pw = arena.allocate(PASSWD_SIZE, 8);
                MemorySegment result = arena.allocate(ADDRESS);
                MemorySegment buffer = arena.allocate(size);
                int err =
                        name != null
                                ? (int) H.GETPWNAM_R.invokeExact(name.make(arena), pw, buffer, size, result)
                                : (int) H.GETPWUID_R.invokeExact(uid, pw, buffer, size, result);
                if (err == Libc.ERANGE) {
                    continue;
                }
                if (err == 0 && !result.get(ADDRESS, 0).equals(MemorySegment.NULL)) {
                    return Optional.of(
                            new User(
                                    Libc.string(pw.get(ADDRESS, 0)),
                                    pw.get(JAVA_INT, 16),
                                    pw.get(JAVA_INT, 20),
                                    Libc.string(pw.get(ADDRESS, 32)),
                                    Libc.string(pw.get(ADDRESS, 40))));
                }
                if (err != 0 && err != Libc.ENOENT && err != Libc.ESRCH && err != Libc.EPERM) {
                    throw new PosixException(name != null ? "getpwnam_r" : "getpwuid_r", err);
                }
                return Optional.empty();
            } catch (Throwable t) {
                throw Libc.rethrow(t);
            }
        }
        throw new PosixException("getpw*_r", Libc.ERANGE);
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty()
                && s.length() <= 10
                && s.chars().allMatch(Character::isDigit)
                && Long.parseLong(s) <= Integer.MAX_VALUE;
    }

    private static final class H {
        static final FunctionDescriptor LOOKUP_R =
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS);
        static final MethodHandle GETPWNAM_R = Libc.handle("getpwnam_r", LOOKUP_R);
        static final MethodHandle GETGRNAM_R = Libc.handle("getgrnam_r", LOOKUP_R);
        static final MethodHandle GETPWUID_R =
                Libc.handle(
                        "getpwuid_r", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
        static final MethodHandle GETGROUPLIST =
                Libc.handle("getgrouplist", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
    }
}
