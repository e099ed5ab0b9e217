package org.opensrc.srcmstr.supervise;

import java.util.List;

/**
 * What the rest of srcmstr adds to a spawn: the subsystem API arranges a token for each socket subsystem instance
 * ({@code SRC_SOCKET}, {@code SRC_TOKEN}) and forgets it when the process ends. {@link #environment}, {@link #spawned}
 * and {@link #failed} are called on the supervision loop's spawner threads, several at once; {@link #ended} on the exit
 * watcher's. None may block.
 */
public interface SpawnHooks {

    SpawnHooks NONE = new SpawnHooks() {};

    /** Extra {@code NAME=value} words for the instance's environment. */
    default List<String> environment(SpawnOrder order) {
        return List.of();
    }

    /** The instance runs as {@code pid}. */
    default void spawned(SpawnOrder order, long pid) {}

    /** The spawn of {@code order} failed: whatever {@link #environment} arranged is void. */
    default void failed(SpawnOrder order) {}

    /** {@code pid}, a watched process, ended. */
    default void ended(long pid) {}
}
