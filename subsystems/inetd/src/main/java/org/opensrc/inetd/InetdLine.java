package org.opensrc.inetd;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;

import org.opensrc.libsrc.ClockText;
import org.opensrc.libsrc.SafeText;

import java.time.ZoneId;

/**
 * inetd's log line, {@code 2026-12-07T02:43:00.123+00:00 inetd INFO message}: what Logback's {@code PatternLayout}
 * writes for {@value #PATTERN} (an exception's stack trace follows the line, as there), written here without it.
 * PatternLayout makes a class for each of its ~70 converters when it is first used, and parses its pattern: about 150
 * classes of inetd's idle memory for one fixed format; its time is written by {@link ClockText}, not a {@code
 * DateTimeFormatter}, for the same reason.
 */
final class InetdLine extends LayoutBase<ILoggingEvent> {

    /** The same line in Logback's pattern language. */
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} inetd %-5level %replace(%msg){'\\p{Cntrl}', '?'}%n";

    private final ZoneId zone = ZoneId.systemDefault();
    private final ThrowableProxyConverter stackTrace = new ThrowableProxyConverter();

    @Override
    public void start() {
        stackTrace.setContext(getContext());
        stackTrace.start();
        super.start();
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        var line = new StringBuilder(128);
        ClockText.appendIsoMillis(line, event.getTimeStamp(), zone);
        line.append(" inetd ");
        String level = event.getLevel().toString();
        line.append(level);
        line.repeat(' ', Math.max(0, 5 - level.length()));
        line.append(' ');
        SafeText.appendOneLine(line, String.valueOf(event.getFormattedMessage()));
        line.append(CoreConstants.LINE_SEPARATOR);
        line.append(stackTrace.convert(event));
        return line.toString();
    }
}
