package org.opensrc.inetd.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** What an internal UDP service answers to one datagram; pure. */
public final class DatagramInternals {
    private final ZoneId zone;
    private long chargenLine;

    public DatagramInternals(ZoneId zone) {
        this.zone = zone;
    }

    /** The reply for {@code service} (echo, discard, chargen, daytime, time), or empty for none. */
    public Optional<byte[]> reply(String service, byte[] request, Instant now) {
        return switch (service) {
            case "echo" -> Optional.of(request.clone());
            case "discard" -> Optional.empty();
            case "chargen" -> Optional.of(Responses.chargenLine(chargenLine++));
            case "daytime" -> Optional.of(Responses.daytime(now, zone));
            case "time" -> Optional.of(Responses.time(now));
            default -> throw new IllegalArgumentException("not an internal service: " + service);
        };
    }
}
