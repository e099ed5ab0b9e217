package org.opensrc.libsrc.posix;

/** The user and group a spawned child runs as. */
public record RunAs(int uid, int gid) {
    public RunAs {
        if (uid < 0 || gid < 0) {
            throw new IllegalArgumentException("uid and gid must not be negative: " + uid + ", " + gid);
        }
    }
}
