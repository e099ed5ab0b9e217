package org.opensrc.libsrc.posix;

/** A child that was reaped, and how it ended. */
public record Reaped(int pid, ExitStatus status) {}
