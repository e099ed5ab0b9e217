package org.opensrc.inetd.service;

import java.time.Duration;
import java.time.Instant;

/**
 * Where one service's socket is. Each state holds only what is valid in it: a descriptor exists only while the socket
 * is open. Max-child and the global cap are not states: a {@link Listening} service whose load is at a cap is simply
 * not polled ({@link ServiceMachine#accepting}).
 */
public sealed interface ServiceState {

    /** No socket yet: the bind is to be tried, or failed and is retried; a failure now waits {@code nextRetry}. */
    record Unbound(Duration nextRetry) implements ServiceState {}

    /** The socket is open and polled while the service has room. */
    record Listening(int fd) implements ServiceState {}

    /** A {@code wait} server holds the socket (blocking, as its fds 0-2); inetd takes it back when it exits. */
    record HeldByServer(int fd) implements ServiceState {}

    /** The spawn rate was exceeded: not polled until {@code until}, then {@link Listening} again. */
    record BackingOff(int fd, Instant until) implements ServiceState {}

    /** Removed by a reload, or inetd stops: the socket is closed for good; running servers are left alone. */
    record Closed() implements ServiceState {}
}
