package org.opensrc.srcmstr.metrics;

import java.util.Objects;

/**
 * One service (one listening socket) of a super-server and its counters, as the daemon answered them.
 *
 * @param service the service name of its configuration line ({@code ftp})
 * @param protocol {@code tcp}, {@code udp}, {@code tcp6}, …
 * @param address the bind address, {@code *} for every address
 * @param accepted connections accepted (datagram services: datagrams served)
 * @param refused connections closed by access control or capacity
 * @param rateLimited connections closed by a rate limit
 * @param running servers running now
 */
public record ServiceCount(
        String service, String protocol, String address, long accepted, long refused, long rateLimited, long running) {

    public ServiceCount {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(address, "address");
        if (accepted < 0 || refused < 0 || rateLimited < 0 || running < 0) {
            throw new IllegalArgumentException("negative counter of " + service + "/" + protocol);
        }
    }
}
