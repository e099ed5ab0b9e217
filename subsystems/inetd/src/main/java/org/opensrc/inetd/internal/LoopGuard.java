package org.opensrc.inetd.internal;

import java.net.InetSocketAddress;
import java.util.Set;

/**
 * Refuses to answer UDP internal-service datagrams that could start a packet storm (echo to chargen, CERT CA-1996-01):
 * those from privileged source ports (below 1024, where the classic services live, and port 0) and those from a port
 * where this inetd itself runs an internal UDP service.
 */
public final class LoopGuard {
    private final Set<Integer> internalPorts;

    public LoopGuard(Set<Integer> internalPorts) {
        this.internalPorts = Set.copyOf(internalPorts);
    }

    /** True when a reply to {@code sender} may be sent. */
    public boolean mayAnswer(InetSocketAddress sender) {
        int port = sender.getPort();
        return port >= 1024 && !internalPorts.contains(port);
    }
}
