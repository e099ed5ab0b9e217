package org.opensrc.inetd.internal;

import org.opensrc.libsrc.ClockText;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

/** The bytes of the internal services (RFC 862, 863, 864, 867, 868), pure functions. */
public final class Responses {
    /** RFC 868: seconds from 1900-01-01 to 1970-01-01. */
    static final long EPOCH_OFFSET = 2_208_988_800L;

    /** chargen's line width, without CRLF. */
    public static final int CHARGEN_WIDTH = 72;

    private Responses() {}

    /** daytime: ctime(3) text as BSD inetd sends it, e.g. {@code Sun Nov 22 02:11:05 2026\r\n}. */
    public static byte[] daytime(Instant now, ZoneId zone) {
        return (ClockText.ctime(now, zone) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** time: seconds since 1900 as 4 big-endian bytes (wraps in 2036). */
    public static byte[] time(Instant now) {
        long s = now.getEpochSecond() + EPOCH_OFFSET;
        return new byte[] {(byte) (s >>> 24), (byte) (s >>> 16), (byte) (s >>> 8), (byte) s};
    }

    /**
     * chargen line number {@code n}: 72 characters of the 95 printable ASCII characters, the window starting one
     * further each line, then CRLF.
     */
    public static byte[] chargenLine(long n) {
        byte[] line = new byte[CHARGEN_WIDTH + 2];
        int start = (int) (n % 95);
        for (int i = 0; i < CHARGEN_WIDTH; i++) {
            line[i] = (byte) (' ' + (start + i) % 95);
        }
        line[CHARGEN_WIDTH] = '\r';
        line[CHARGEN_WIDTH + 1] = '\n';
        return line;
    }
}
