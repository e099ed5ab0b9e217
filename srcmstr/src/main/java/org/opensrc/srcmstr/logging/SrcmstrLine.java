package org.opensrc.srcmstr.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;

import org.opensrc.libsrc.ClockText;
import org.opensrc.libsrc.SafeText;

import java.time.ZoneId;

/**
 * One of srcmstr's log lines, written as Logback's {@code PatternLayout} writes its {@link Form}'s pattern (an
 * exception's stack trace follows the line, as there), without PatternLayout: it makes a class for each of its ~70
 * converters when first used and parses its pattern, about 150 classes of srcmstr's memory for three fixed formats.
 * Control characters of a message are shown as {@code ?}, so one event stays one line.
 */
final class SrcmstrLine extends LayoutBase<ILoggingEvent> {

    /** Where the line goes, and the pattern in Logback's language that it is written as. */
    enum Form {
        /** srcmstr.log: {@code 2026-12-07T02:43:00.123+00:00 INFO [srcmstr-loop] SupervisionLoop: message}. */
        FILE("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{0}: %replace(%msg){'\\p{Cntrl}', '?'}%n"),
        /** standard error: {@code srcmstr: message}. */
        STDERR("srcmstr: %replace(%msg){'\\p{Cntrl}', '?'}%n"),
        /** the journal, which adds the time itself: {@code [srcmstr-loop] SupervisionLoop: message}. */
        JOURNAL("[%thread] %logger{0}: %replace(%msg){'\\p{Cntrl}', '?'}%n");

        final String pattern;

        Form(String pattern) {
            this.pattern = pattern;
        }
    }

    private final Form form;
    private final ZoneId zone = ZoneId.systemDefault();
    private final ThrowableProxyConverter stackTrace = new ThrowableProxyConverter();

    SrcmstrLine(Form form) {
        this.form = form;
    }

    @Override
    public void start() {
        stackTrace.setContext(getContext());
        stackTrace.start();
        super.start();
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        var line = new StringBuilder(160);
        switch (form) {
            case FILE -> {
                ClockText.appendIsoMillis(line, event.getTimeStamp(), zone);
                line.append(' ');
                String level = event.getLevel().toString();
                line.append(level).repeat(' ', Math.max(0, 5 - level.length()));
                line.append(' ');
                source(event, line);
            }
            case STDERR -> line.append("srcmstr: ");
            case JOURNAL -> source(event, line);
        }
        SafeText.appendOneLine(line, String.valueOf(event.getFormattedMessage()));
        line.append(CoreConstants.LINE_SEPARATOR);
        line.append(stackTrace.convert(event));
        return line.toString();
    }

    /** {@code [thread] Logger: }, the logger's name without its package ({@code %logger{0}}). */
    private static void source(ILoggingEvent event, StringBuilder line) {
        String logger = event.getLoggerName();
        line.append('[').append(event.getThreadName()).append("] ");
        line.append(logger, logger.lastIndexOf('.') + 1, logger.length()).append(": ");
    }
}
