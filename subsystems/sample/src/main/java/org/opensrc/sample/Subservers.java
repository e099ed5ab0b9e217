package org.opensrc.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sample's two subservers, "alpha" and "beta", each active or not. */
final class Subservers {

    static final List<String> TYPES = List.of("alpha", "beta");

    private final Map<String, Boolean> active = new LinkedHashMap<>();

    Subservers() {
        TYPES.forEach(type -> active.put(type, false));
    }

    synchronized boolean known(String type) {
        return active.containsKey(type);
    }

    /** Starts {@code type}; false when it was already active. */
    synchronized boolean start(String type) {
        return !active.put(type, true);
    }

    /** Stops {@code type}; false when it was not active. */
    synchronized boolean stop(String type) {
        return active.put(type, false);
    }

    synchronized Optional<Boolean> isActive(String type) {
        return Optional.ofNullable(active.get(type));
    }

    synchronized void stopAll() {
        active.replaceAll((type, state) -> false);
    }
}
