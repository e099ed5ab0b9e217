package org.opensrc.srcmstr.supervise;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A map of the state being changed by one {@link Step}: it reads the state's own map until the first real change, and
 * only then starts its own layer of changes. A transition that leaves a map alone (most leave three of four alone)
 * costs nothing for it, and {@link #changed} tells the machine whether anything is to be saved without comparing whole
 * states.
 *
 * <p>The maps it gives are two layers: a map shared by the states that follow one another, never changed, and the
 * changes made on top of it since it was last rebuilt. A change copies only that small second layer, so a batch of 500
 * events that each change one entry of a map of 500 costs about √500 copied entries per event, not 500; the layers are
 * merged into a new shared map once the changes outgrow √n. For the same reason {@link #where} (the instances of a
 * subsystem name, the instance running as a pid) reads an index of the shared map, built once per shared map, and looks
 * through the changes only.
 */
final class Draft<K, V> extends AbstractMap<K, V> {

    /** Fewest changes kept as a layer before they are merged into the shared map. */
    private static final int MIN_LAYER = 16;

    private final Map<K, V> base;
    private Shared<K, V> under; // null until the first change; then never changed
    private HashMap<K, Object> over; // the changes on top of under: a value, or REMOVED
    private int size;

    Draft(Map<K, V> base) {
        this.base = base;
    }

    private void writable() {
        if (over != null) {
            return;
        }
        if (base instanceof Frozen<K, V> f && f.over.size() < limit(f.under.map.size())) {
            under = f.under;
            over = new HashMap<>(f.over);
        } else {
            under = new Shared<>(new HashMap<>(base));
            over = new HashMap<>();
        }
        size = base.size();
    }

    private static int limit(int size) {
        return Math.max(MIN_LAYER, (int) Math.sqrt(size));
    }

    /** Whether a put or remove changed the content (a change undone later still counts). */
    boolean changed() {
        return over != null;
    }

    /** The map for the next state: the state's own map when nothing changed. */
    Map<K, V> result() {
        return over == null ? base : new Frozen<>(under, over, size);
    }

    /**
     * The values whose {@code key} is {@code value}, in no order. {@code key} must be a constant (the index of the
     * shared map is kept per function) and {@code value} not null.
     */
    List<V> where(Function<? super V, ?> key, Object value) {
        if (over != null) {
            return Layers.where(under, over, key, value);
        }
        if (base instanceof Frozen<K, V> f) {
            return Layers.where(f.under, f.over, key, value);
        }
        List<V> found = new ArrayList<>();
        for (V v : base.values()) {
            if (value.equals(key.apply(v))) {
                found.add(v);
            }
        }
        return found;
    }

    @Override
    public V get(Object key) {
        return over == null ? base.get(key) : Layers.get(under.map, over, key);
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return over == null ? base.size() : size;
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new Layers<>(over == null ? base : under.map, over == null ? Map.of() : over, size());
    }

    @Override
    public V put(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        V old = get(key);
        if (value.equals(old)) {
            return old;
        }
        writable();
        over.put(key, value);
        if (old == null) {
            size++;
        }
        return old;
    }

    @Override
    public V remove(Object key) {
        V old = get(key);
        if (old == null) {
            return null;
        }
        writable();
        @SuppressWarnings("unchecked")
        K k = (K) key;
        if (under.map.containsKey(k)) {
            over.put(k, Layers.REMOVED);
        } else {
            over.remove(k);
        }
        size--;
        return old;
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> other) {
        other.forEach(this::put);
    }

    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        Map<K, V> changes = new HashMap<>();
        entrySet().forEach(e -> changes.put(e.getKey(), function.apply(e.getKey(), e.getValue())));
        changes.forEach(this::put);
    }

    /**
     * The keys whose values may differ between {@code before} and {@code after}, two maps of states that followed one
     * another, when the layers tell without reading every entry: every other key has the same value object in both.
     * Empty when they cannot tell (maps not built on one shared map), and the caller must compare every entry.
     */
    static <K> Optional<Set<K>> keysThatMayDiffer(Map<K, ?> before, Map<K, ?> after) {
        if (before == after) {
            return Optional.of(Set.of());
        }
        if (before instanceof Frozen<K, ?> b && after instanceof Frozen<K, ?> a && b.under == a.under) {
            Set<K> keys = new HashSet<>(b.over.keySet());
            keys.addAll(a.over.keySet());
            return Optional.of(keys);
        }
        return Optional.empty();
    }

    /** A map no one can change: the layers a {@link Draft} made, handed over as the next state's. */
    static final class Frozen<K, V> extends AbstractMap<K, V> {

        private final Shared<K, V> under;
        private final Map<K, Object> over;
        private final int size;

        private Frozen(Shared<K, V> under, Map<K, Object> over, int size) {
            this.under = under;
            this.over = over;
            this.size = size;
        }

        @Override
        public V get(Object key) {
            return Layers.get(under.map, over, key);
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean isEmpty() {
            return size == 0;
        }

        @Override
        public Set<Entry<K, V>> entrySet() {
            return new Layers<>(under.map, over, size);
        }
    }

    /** The lower layer, shared by the maps built on it and never changed, with its indexes (built when first asked). */
    private static final class Shared<K, V> {

        final Map<K, V> map;
        private final Map<Function<? super V, ?>, Map<Object, List<K>>> indexes = new IdentityHashMap<>();

        Shared(Map<K, V> map) {
            this.map = map;
        }

        /** The keys whose value has {@code key} {@code value}. */
        synchronized List<K> keysWhere(Function<? super V, ?> key, Object value) {
            Map<Object, List<K>> index = indexes.get(key);
            if (index == null) {
                index = new HashMap<>();
                for (Entry<K, V> e : map.entrySet()) {
                    index.computeIfAbsent(key.apply(e.getValue()), x -> new ArrayList<>(1)).add(e.getKey());
                }
                indexes.put(key, index);
            }
            return index.getOrDefault(value, List.of());
        }
    }

    /**
     * The entries of two layers, read-only: those of {@code under} not changed in {@code over}, then {@code over}'s.
     */
    private static final class Layers<K, V> extends AbstractSet<Entry<K, V>> {

        static final Object REMOVED = new Object();

        private final Map<K, V> under;
        private final Map<K, Object> over;
        private final int size;

        Layers(Map<K, V> under, Map<K, Object> over, int size) {
            this.under = under;
            this.over = over;
            this.size = size;
        }

        static <K, V> List<V> where(Shared<K, V> under, Map<K, Object> over, Function<? super V, ?> key, Object value) {
            List<V> found = new ArrayList<>();
            for (K k : under.keysWhere(key, value)) {
                if (!over.containsKey(k)) {
                    found.add(under.map.get(k));
                }
            }
            for (Object changed : over.values()) {
                if (changed != REMOVED) {
                    @SuppressWarnings("unchecked")
                    V v = (V) changed;
                    if (value.equals(key.apply(v))) {
                        found.add(v);
                    }
                }
            }
            return found;
        }

        @SuppressWarnings("unchecked")
        static <V> V get(Map<?, V> under, Map<?, Object> over, Object key) {
            Object changed = over.get(key);
            if (changed != null) {
                return changed == REMOVED ? null : (V) changed;
            }
            return under.get(key);
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Iterator<Entry<K, V>> iterator() {
            Iterator<Entry<K, V>> lower = under.entrySet().iterator();
            Iterator<Entry<K, Object>> upper = over.entrySet().iterator();
            return new Iterator<>() {
                private Entry<K, V> next = advance();

                @SuppressWarnings("unchecked")
                private Entry<K, V> advance() {
                    while (lower.hasNext()) {
                        Entry<K, V> e = lower.next();
                        if (!over.containsKey(e.getKey())) {
                            return Map.entry(e.getKey(), e.getValue());
                        }
                    }
                    while (upper.hasNext()) {
                        Entry<K, Object> e = upper.next();
                        if (e.getValue() != REMOVED) {
                            return Map.entry(e.getKey(), (V) e.getValue());
                        }
                    }
                    return null;
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public Entry<K, V> next() {
                    if (next == null) {
                        throw new NoSuchElementException();
                    }
                    Entry<K, V> e = next;
                    next = advance();
                    return e;
                }
            };
        }
    }
}
