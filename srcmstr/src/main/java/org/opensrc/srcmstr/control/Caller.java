package org.opensrc.srcmstr.control;

import io.grpc.Context;
import java.util.List;

/**
 * Who made the current request, from the peer's credentials (SO_PEERCRED on the Unix
 * socket; a remote caller authenticated by its TLS certificate has {@code uid = -1} and
 * its identity in {@code remoteIdentity}).
 */
public record Caller(int uid, int pid, List<Integer> gids, String remoteIdentity) {

    static final Context.Key<Caller> KEY = Context.key("opensrc.caller");

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

    /** The current gRPC context with {@code caller} as the request's caller (server interceptors). */
    public static Context contextWith(Caller caller) {
        return Context.current().withValue(KEY, caller);
    }

    /** The caller of the request being handled on this thread. */
    public static Caller current() {
        Caller c = KEY.get();
        return c == null ? UNKNOWN : c;
    }

    /** Runs {@code body} as if {@code caller} had made the request (tests, in-process use). */
    public void runAs(Runnable body) {
        Context.current().withValue(KEY, this).run(body);
    }

    /** How the change log names this caller. */
    public String describe() {
        return remoteIdentity.isEmpty() ? "uid=" + uid + " pid=" + pid : "remote=" + remoteIdentity;
    }
}
