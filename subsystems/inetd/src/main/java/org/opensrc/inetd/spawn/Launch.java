package org.opensrc.inetd.spawn;

/** The outcome of starting a server: a running child, or why nothing runs. */
public sealed interface Launch {
    record Started(int pid) implements Launch {}

    record Failed(String reason) implements Launch {}
}
