package org.opensrc.inetd.spawn;

import org.opensrc.inetd.config.ServiceEntry;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Starts the server of a service with {@code socketFd} as its fds 0, 1 and 2 and no other descriptor: the accepted
 * connection for {@code nowait}, the listening or datagram socket for {@code wait}. The child runs as the entry's user
 * and group. The launcher does not close {@code socketFd}; the caller does.
 */
public interface ChildLauncher {
    Launch launch(ServiceEntry entry, int socketFd, Optional<InetSocketAddress> peer);
}
