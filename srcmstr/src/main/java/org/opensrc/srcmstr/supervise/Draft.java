package org.opensrc.srcmstr.supervise;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A map of the state being changed by one {@link Step}: it reads the state's own map until the first real change, and
 * only then copies it. A transition that leaves a map alone (most leave three of four alone) costs nothing for it, and
 * {@link #changed} tells the machine whether anything is to be saved without comparing whole states.
 */
final class Draft<K, V> extends AbstractMap<K, V> {

    private final Map<K, V> base;
    private HashMap<K, V> copy; // null until the first change

    Draft(Map<K, V> base) {
        this.base = base;
    }

    private Map<K, V> current() {
        return copy != null ? copy : base;
    }

    private HashMap<K, V> writable() {
        if (copy == null) {
            copy = new HashMap<>(base);
        }
        return copy;
    }

    /** Whether a put or remove changed the content (a change undone later still counts). */
    boolean changed() {
        return copy != null;
    }

    /** The map for the next state: the state's own map when nothing changed. */
    Map<K, V> result() {
        return copy == null ? base : Frozen.owning(copy);
    }

    @Override
    public V get(Object key) {
        return current().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return current().containsKey(key);
    }

    @Override
    public V getOrDefault(Object key, V fallback) {
        return current().getOrDefault(key, fallback);
    }

    @Override
    public int size() {
        return current().size();
    }

    @Override
    public boolean isEmpty() {
        return current().isEmpty();
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return Collections.unmodifiableMap(current()).entrySet();
    }

    @Override
    public Collection<V> values() {
        return Collections.unmodifiableCollection(current().values());
    }

    @Override
    public Set<K> keySet() {
        return Collections.unmodifiableSet(current().keySet());
    }

    @Override
    public V put(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        V old = current().get(key);
        if (value.equals(old)) {
            return old;
        }
        return writable().put(key, value);
    }

    @Override
    public V remove(Object key) {
        return current().containsKey(key) ? writable().remove(key) : null;
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> other) {
        other.forEach(this::put);
    }

    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        Map<K, V> changes = new LinkedHashMap<>();
        current().forEach((k, v) -> changes.put(k, function.apply(k, v)));
        changes.forEach(this::put);
    }

    /** A map no one can change: the copy a {@link Draft} made, handed over as the next state's. */
    static final class Frozen<K, V> extends AbstractMap<K, V> {

        private final Map<K, V> map;

        private Frozen(Map<K, V> map) {
            this.map = map;
        }

        /** Wraps {@code map}, which the caller gives up: nothing else may hold it. */
        static <K, V> Map<K, V> owning(HashMap<K, V> map) {
            return new Frozen<>(map);
        }

        @Override
        public V get(Object key) {
            return map.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return map.containsKey(key);
        }

        @Override
        public V getOrDefault(Object key, V fallback) {
            return map.getOrDefault(key, fallback);
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public Set<Entry<K, V>> entrySet() {
            return Collections.unmodifiableMap(map).entrySet();
        }

        @Override
        public Collection<V> values() {
            return Collections.unmodifiableCollection(map.values());
        }

        @Override
        public Set<K> keySet() {
            return Collections.unmodifiableSet(map.keySet());
        }
    }
}
