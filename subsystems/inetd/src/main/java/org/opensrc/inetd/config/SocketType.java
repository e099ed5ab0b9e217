package org.opensrc.inetd.config;

import java.util.Locale;

/** The socket-type field of an inetd.conf line. */
public enum SocketType {
    STREAM,
    DGRAM;

    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }
}
