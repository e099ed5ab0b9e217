package org.opensrc.libsrc;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The two clock texts the daemons write, by hand: the log lines' ISO time and the daytime service's ctime(3) text.
 * {@code DateTimeFormatter} gives the same characters but loads about 170 classes to do it, and the English day and
 * month names take the JDK's locale data onto the heap: a lasting part of an idle inetd's memory, for two fixed
 * formats.
 */
public final class ClockText {

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };

    private ClockText() {}

    /**
     * Appends {@code epochMilli} in {@code zone} as {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX} does: {@code
     * 2026-12-07T02:43:00.123+01:00}, or {@code ...Z} where the offset is zero.
     */
    public static StringBuilder appendIsoMillis(StringBuilder out, long epochMilli, ZoneId zone) {
        Instant instant = Instant.ofEpochMilli(epochMilli);
        ZoneOffset offset = zone.getRules().getOffset(instant);
        LocalDateTime local = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), offset);
        year(out, local.getYear());
        pad2(out.append('-'), local.getMonthValue());
        pad2(out.append('-'), local.getDayOfMonth());
        pad2(out.append('T'), local.getHour());
        pad2(out.append(':'), local.getMinute());
        pad2(out.append(':'), local.getSecond());
        int millis = local.getNano() / 1_000_000;
        out.append('.').append((char) ('0' + millis / 100));
        pad2(out, millis % 100);
        return offset(out, offset);
    }

    /** {@code instant} in {@code zone} as ctime(3) writes it, without its newline: {@code Sun Nov 2 02:11:05 2026}. */
    public static String ctime(Instant instant, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        DayOfWeek day = local.getDayOfWeek();
        var out = new StringBuilder(24);
        out.append(DAYS[day.ordinal()]).append(' ').append(MONTHS[local.getMonthValue() - 1]).append(' ');
        int dayOfMonth = local.getDayOfMonth();
        out.append(dayOfMonth < 10 ? ' ' : (char) ('0' + dayOfMonth / 10)).append((char) ('0' + dayOfMonth % 10));
        pad2(out.append(' '), local.getHour());
        pad2(out.append(':'), local.getMinute());
        pad2(out.append(':'), local.getSecond());
        return year(out.append(' '), local.getYear()).toString();
    }

    /**
     * XXX: Z for under a minute, else the sign, hours and minutes of the offset (its seconds left out, as XXX does).
     */
    private static StringBuilder offset(StringBuilder out, ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        if (seconds == 0) {
            return out.append('Z');
        }
        int minutes = Math.abs(seconds) / 60;
        if (minutes == 0) { // under a minute off UTC: XXX writes Z too
            return out.append('Z');
        }
        out.append(seconds < 0 ? '-' : '+');
        pad2(out, minutes / 60);
        return pad2(out.append(':'), minutes % 60);
    }

    /** yyyy: the year of era in four digits, or a + and more digits after 9999 (a year before 1 by its era's count). */
    private static StringBuilder year(StringBuilder out, int year) {
        int ofEra = year >= 1 ? year : 1 - year;
        String digits = Integer.toString(ofEra);
        if (digits.length() > 4) {
            return out.append('+').append(digits);
        }
        return out.repeat('0', 4 - digits.length()).append(digits);
    }

    private static StringBuilder pad2(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
