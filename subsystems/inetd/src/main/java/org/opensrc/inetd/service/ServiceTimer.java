package org.opensrc.inetd.service;

/** The timers one service may have armed, at most one of each. */
public enum ServiceTimer {
    /** Try the bind again. */
    BIND_RETRY,
    /** End a spawn-rate back-off. */
    RESUME
}
