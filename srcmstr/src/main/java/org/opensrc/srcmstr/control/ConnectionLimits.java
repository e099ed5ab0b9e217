package org.opensrc.srcmstr.control;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Counts the open connections of the local socket per uid and decides whether a new one may stay. Exempt uids (root,
 * srcmstr's own) are never refused and never counted, so a flood by others cannot lock them out. Thread-safe.
 */
final class ConnectionLimits {

    private final SocketLimits limits;
    private final Set<Integer> exempt;
    private final Map<Integer, Integer> open = new HashMap<>();
    private int total;

    ConnectionLimits(SocketLimits limits, Set<Integer> exempt) {
        this.limits = limits;
        this.exempt = Set.copyOf(exempt);
    }

    /**
     * Admits a connection of {@code uid}, or says which cap refuses it. Call {@link #release} when an admitted one
     * closes.
     */
    synchronized Optional<String> admit(int uid) {
        if (exempt.contains(uid)) {
            return Optional.empty();
        }
        int mine = open.getOrDefault(uid, 0);
        if (mine >= limits.perUid()) {
            return Optional.of("uid " + uid + " already has " + mine + " connections (connections.per.uid)");
        }
        if (total >= limits.total()) {
            return Optional.of(total + " connections of non-root users are open (connections.max)");
        }
        open.put(uid, mine + 1);
        total++;
        return Optional.empty();
    }

    synchronized void release(int uid) {
        if (exempt.contains(uid)) {
            return;
        }
        Integer mine = open.get(uid);
        if (mine == null) {
            throw new IllegalStateException("release of uid " + uid + " without an admitted connection");
        }
        if (mine == 1) {
            open.remove(uid);
        } else {
            open.put(uid, mine - 1);
        }
        total--;
    }

    synchronized int open(int uid) {
        return open.getOrDefault(uid, 0);
    }
}
