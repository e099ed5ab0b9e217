package org.opensrc.libsrc.posix;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Answers from the user and group databases, read at most once a second per key: a super-server spawning hundreds of
 * children a second need not re-read /etc/passwd or /etc/group for each, and a change to the databases still takes
 * effect within a second. Safe for any thread.
 *
 * @param <K> what is looked up (a user name, a {@link RunAs})
 * @param <V> the answer, cached also when it is "none"
 */
public final class UserDatabaseCache<K, V> {

    private static final long TTL_NANOS = 1_000_000_000L;

    private record Answer<V>(V value, long at) {}

    private final Function<K, V> lookup;
    private final Map<K, Answer<V>> answers = new ConcurrentHashMap<>();

    public UserDatabaseCache(Function<K, V> lookup) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /** The answer for {@code key}, looked up again when the last one is a second old. */
    public V get(K key) {
        long now = System.nanoTime();
        Answer<V> cached = answers.get(key);
        if (cached != null && now - cached.at() < TTL_NANOS) {
            return cached.value();
        }
        V value = lookup.apply(key);
        answers.put(key, new Answer<>(value, now));
        return value;
    }
}
