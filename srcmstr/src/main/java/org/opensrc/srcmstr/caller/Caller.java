package org.opensrc.srcmstr.caller;

import java.util.List;

/**
 * Who made a request, from the peer's credentials (SO_PEERCRED on the Unix socket; a remote caller authenticated by its
 * TLS certificate has {@code uid = -1} and its identity in {@code remoteIdentity}). The gRPC edge keeps it in {@link
 * CallerContext}.
 */
public record Caller(int uid, int pid, List<Integer> gids, String remoteIdentity) {

    /** Used when a request arrives without credentials (in-process tests). */
    public static final Caller UNKNOWN = new Caller(-1, 0, List.of(), "");

    public Caller {
        gids = List.copyOf(gids);
    }

    public static Caller local(int uid, int pid, List<Integer> gids) {
        return new Caller(uid, pid, gids, "");
    }

    /** A caller authenticated by a TLS client certificate whose subject CN is {@code identity}. */
    public static Caller remote(String identity) {
        if (identity.isEmpty()) {
            throw new IllegalArgumentException("a remote caller needs an identity");
        }
        return new Caller(-1, 0, List.of(), identity);
    }

    /** How the change log names this caller. */
    public String describe() {
        return remoteIdentity.isEmpty() ? "uid=" + uid + " pid=" + pid : "remote=" + remoteIdentity;
    }
}
