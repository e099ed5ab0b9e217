package org.opensrc.inetd.control;

import java.util.List;
import java.util.Optional;

/**
 * One service as {@code lssrc -ls inetd} shows it: its line's fields, its state and live counters.
 *
 * @param state {@code active} (listening), {@code waiting} (a wait child holds the socket), {@code paused} (max-child
 *     or the global cap reached), {@code backoff} (spawn rate exceeded, resumes by itself), {@code bind-failed}
 *     (retrying), {@code stopping} (retired, its servers still running); a commented-out line has no status
 * @param accepted connections accepted (or datagrams that started a child or got an internal answer)
 * @param refused closed by access control or capacity
 * @param rateLimited closed by a rate limit
 * @param running children (or internal streams) running now
 * @param lastExit how the last child ended, e.g. "exit 0", "signal 9"
 */
public record ServiceStatus(
        String name,
        String protocol,
        String bindHost,
        int port,
        boolean waits,
        String command,
        List<String> args,
        String state,
        long accepted,
        long refused,
        long rateLimited,
        int running,
        Optional<String> lastExit) {
    public ServiceStatus {
        args = List.copyOf(args);
    }
}
