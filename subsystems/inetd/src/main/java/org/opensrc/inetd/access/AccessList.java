package org.opensrc.inetd.access;

import java.net.InetAddress;
import java.util.List;

/**
 * Allow and deny lists by address and network (xinetd's {@code only_from} / {@code no_access}): the most specific
 * matching pattern wins (deny on a tie); with no match, access is allowed when the allow list is empty and denied
 * otherwise.
 */
public record AccessList(List<AddressPattern> allow, List<AddressPattern> deny) {
    public static final AccessList OPEN = new AccessList(List.of(), List.of());

    public AccessList {
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
    }

    public boolean permits(InetAddress client) {
        int bestAllow = best(allow, client);
        int bestDeny = best(deny, client);
        if (bestAllow < 0 && bestDeny < 0) {
            return allow.isEmpty();
        }
        return bestAllow > bestDeny;
    }

    private static int best(List<AddressPattern> patterns, InetAddress client) {
        int best = -1;
        for (AddressPattern p : patterns) {
            if (p.matches(client) && p.prefixLength() > best) {
                best = p.prefixLength();
            }
        }
        return best;
    }
}
