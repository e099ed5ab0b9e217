package org.opensrc.libsrc.posix;

/** What a spawn did: a running child, or the stage that failed and why. */
public sealed interface SpawnResult {

    /**
     * A child now runs as {@code pid}; {@code startTime} (field 22 of /proc/pid/stat) tells it apart from a later
     * process that reuses the pid.
     */
    record Spawned(int pid, long startTime) implements SpawnResult {}

    /** Nothing runs: {@code stage} failed with {@code errno}; {@code message} says what was tried. */
    record Failed(SpawnStage stage, int errno, String message) implements SpawnResult {}
}
