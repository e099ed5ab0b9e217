package org.opensrc.inetd.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One service line of inetd.conf, parsed and resolved.
 *
 * @param name the service field as written (a services-file name or a port number)
 * @param protocol protocol, which also fixes the socket type
 * @param bindHost bind address from a {@code host:} prefix, {@code "*"} for any
 * @param port the resolved port
 * @param waits {@code wait} (the child gets the listening socket) or {@code nowait}
 * @param limits per-service limits from the wait field
 * @param user user to run the server as
 * @param group group, when given as {@code user:group} or {@code user.group}
 * @param server the server program, or {@code internal}
 * @param args argv of the server, argv[0] first (never empty for external servers)
 * @param internalName for internal services, which one (echo, discard, chargen, daytime, time)
 * @param enabled false for a commented-out line ({@code #} or Debian's {@code #<off>#})
 * @param file the file the line came from
 * @param line its line number, from 1
 */
public record ServiceEntry(
        String name,
        Protocol protocol,
        String bindHost,
        int port,
        boolean waits,
        Limits limits,
        String user,
        Optional<String> group,
        String server,
        List<String> args,
        Optional<String> internalName,
        boolean enabled,
        Path file,
        int line) {

    /** Limits written in the wait/nowait field. 0 means unlimited. */
    public record Limits(int spawnsPerMinute, int maxChild, int connectionsPerIpPerMinute) {
        /** openbsd-inetd's and FreeBSD's default spawn rate per minute. */
        public static final int DEFAULT_SPAWNS_PER_MINUTE = 256;

        public static final Limits DEFAULT = new Limits(DEFAULT_SPAWNS_PER_MINUTE, 0, 0);

        public Limits {
            if (spawnsPerMinute < 0 || maxChild < 0 || connectionsPerIpPerMinute < 0) {
                throw new IllegalArgumentException("negative limit");
            }
        }
    }

    public ServiceEntry {
        Objects.requireNonNull(name);
        Objects.requireNonNull(protocol);
        Objects.requireNonNull(bindHost);
        Objects.requireNonNull(limits);
        Objects.requireNonNull(user);
        Objects.requireNonNull(group);
        Objects.requireNonNull(server);
        args = List.copyOf(args);
        Objects.requireNonNull(internalName);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (internalName.isPresent() != isInternalServer(server)) {
            throw new IllegalArgumentException("internalName must be set exactly for internal servers");
        }
    }

    static boolean isInternalServer(String server) {
        return "internal".equals(server);
    }

    public boolean isInternal() {
        return internalName.isPresent();
    }

    public SocketType socketType() {
        return protocol.socketType();
    }

    public ServiceKey key() {
        return new ServiceKey(name, protocol, bindHost);
    }

    /** Same socket: same key, same port. */
    public boolean sameSocketAs(ServiceEntry other) {
        return key().equals(other.key()) && port == other.port;
    }

    /** The command as lssrc shows it: the server path, or {@code internal}. */
    public String command() {
        return server;
    }

    /** The same entry at another line number (to compare entries regardless of where they are). */
    public ServiceEntry withLine(int number) {
        return new ServiceEntry(
                name,
                protocol,
                bindHost,
                port,
                waits,
                limits,
                user,
                group,
                server,
                args,
                internalName,
                enabled,
                file,
                number);
    }
}
