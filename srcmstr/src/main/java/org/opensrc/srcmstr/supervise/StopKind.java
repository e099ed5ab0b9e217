package org.opensrc.srcmstr.supervise;

/** The three stops of {@code stopsrc}: none, {@code -f} and {@code -c}. */
public enum StopKind { NORMAL, FORCED, CANCEL }
