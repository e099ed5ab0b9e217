package org.opensrc.inetd.config;

/** The socket-type field of an inetd.conf line. */
public enum SocketType {
    STREAM, DGRAM;

    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
