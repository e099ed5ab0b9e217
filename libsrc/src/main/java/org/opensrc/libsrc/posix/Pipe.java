package org.opensrc.libsrc.posix;

/** The two ends of a pipe, both close-on-exec and owned by the caller. */
public record Pipe(int readEnd, int writeEnd) {}
