package org.opensrc.inetd.limit;

import org.opensrc.inetd.config.ServiceEntry;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The rate limits of one service, a pure class (time is passed in): connections per source per minute (FreeBSD's
 * max-connections-per-ip-per-minute) and spawns per minute ({@code .max}, default 256). Going over the spawn rate does
 * not shut the service for good: it backs off for 10 s, doubling on each repeat up to 10 min, and the level falls back
 * to the start after a quiet spell of twice the last pause.
 */
public final class ServiceLimiter {
    static final Duration MINUTE = Duration.ofMinutes(1);
    public static final Duration FIRST_PAUSE = Duration.ofSeconds(10);
    public static final Duration MAX_PAUSE = Duration.ofMinutes(10);

    private ServiceEntry.Limits limits;
    private final RateWindow spawns = new RateWindow(MINUTE);
    private final Map<InetAddress, RateWindow> perSource = new HashMap<>();
    private Duration lastPause = Duration.ZERO;
    private Instant lastBackOffEnd = Instant.MIN;

    public ServiceLimiter(ServiceEntry.Limits limits) {
        this.limits = limits;
    }

    /** New limits after a reload; the history is kept. */
    public void update(ServiceEntry.Limits next) {
        this.limits = next;
    }

    public ServiceEntry.Limits limits() {
        return limits;
    }

    /** True when one more child may run, given how many of this service run now (max-child). */
    public boolean hasRoom(int running) {
        return limits.maxChild() == 0 || running < limits.maxChild();
    }

    /** Decides on a connection (or datagram) from {@code source} at {@code now}, and records it. */
    public Verdict admit(InetAddress source, Instant now) {
        if (limits.connectionsPerIpPerMinute() > 0) {
            RateWindow w = perSource.computeIfAbsent(source, k -> new RateWindow(MINUTE));
            if (!w.tryAcquire(now, limits.connectionsPerIpPerMinute())) {
                return new Verdict.TooManyFromSource(limits.connectionsPerIpPerMinute());
            }
            if (perSource.size() > 4096) {
                perSource.values().removeIf(r -> r.isEmpty(now));
            }
        }
        if (!spawns.tryAcquire(now, limits.spawnsPerMinute())) {
            Duration pause = nextPause(now);
            lastPause = pause;
            lastBackOffEnd = now.plus(pause);
            spawns.clear();
            return new Verdict.BackOff(limits.spawnsPerMinute(), pause);
        }
        return new Verdict.Admit();
    }

    private Duration nextPause(Instant now) {
        if (lastPause.isZero() || now.isAfter(lastBackOffEnd.plus(lastPause.multipliedBy(2)))) {
            return FIRST_PAUSE;
        }
        Duration doubled = lastPause.multipliedBy(2);
        return doubled.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : doubled;
    }
}
