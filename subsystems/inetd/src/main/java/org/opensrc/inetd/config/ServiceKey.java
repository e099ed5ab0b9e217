package org.opensrc.inetd.config;

import java.util.Objects;

/**
 * What identifies one listening socket across reloads: the service name, the protocol and the bind address ({@code "*"}
 * for the wildcard). Two configurations with an equal key and an equal port share the socket.
 */
public record ServiceKey(String name, Protocol protocol, String bindHost) {
    public ServiceKey {
        Objects.requireNonNull(name);
        Objects.requireNonNull(protocol);
        Objects.requireNonNull(bindHost);
    }

    @Override
    public String toString() {
        return ("*".equals(bindHost) ? "" : bindHost + ":") + name + "/" + protocol.token();
    }
}
