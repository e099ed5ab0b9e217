package org.opensrc.libsrc.posix;

/** A passwd entry. */
public record User(String name, int uid, int gid, String home, String shell) {}
