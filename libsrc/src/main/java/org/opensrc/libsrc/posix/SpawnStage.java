package org.opensrc.libsrc.posix;

/** The step of a spawn that failed, in the order the steps run. */
public enum SpawnStage {
    /** Opening the child's standard input. */
    STDIN,
    /** Opening the child's standard output. */
    STDOUT,
    /** Opening the child's standard error. */
    STDERR,
    /** Switching to the requested user (or setting a priority that needs privilege). */
    USER,
    /** Executing the program (missing, not executable, or posix_spawn failed). */
    EXEC
}
