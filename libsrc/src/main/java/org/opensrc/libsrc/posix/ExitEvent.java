package org.opensrc.libsrc.posix;

/** A watched process ended; {@code status} is {@link ExitStatus.Unknown} if it was not our child. */
public record ExitEvent(int pid, ExitStatus status) {}
