package org.opensrc.srcmstr.supervise;

/** The three stops of {@code stopsrc}: none, {@code -f} and {@code -c}. */
public enum StopType {
    NORMAL,
    FORCED,
    CANCEL
}
