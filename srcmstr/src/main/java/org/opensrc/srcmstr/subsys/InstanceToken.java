package org.opensrc.srcmstr.subsys;

import java.util.Objects;

/**
 * The opaque token srcmstr hands to one running instance of a socket subsystem (env {@code SRC_TOKEN}). {@code pid} is
 * 0 while the token is issued but its instance not yet spawned. This record is all the hub needs to recognise a daemon
 * that reconnects, so a list of them is what srcmstr persists to keep tokens across its own restarts.
 */
public record InstanceToken(String token, String subsysname, int pid) {

    public InstanceToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(subsysname, "subsysname");
        if (token.isEmpty()) {
            throw new IllegalArgumentException("empty token");
        }
        if (pid < 0) {
            throw new IllegalArgumentException("negative pid " + pid);
        }
    }

    boolean bound() {
        return pid > 0;
    }

    InstanceToken boundTo(int newPid) {
        return new InstanceToken(token, subsysname, newPid);
    }
}
