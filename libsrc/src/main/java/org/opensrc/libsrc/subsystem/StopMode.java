package org.opensrc.libsrc.subsystem;

/** How the operator asked the daemon to stop ({@code stopsrc} vs {@code stopsrc -f}). */
public enum StopMode {
    /** Finish current work, then exit. */
    NORMAL,
    /** Exit at once. */
    FORCED
}
