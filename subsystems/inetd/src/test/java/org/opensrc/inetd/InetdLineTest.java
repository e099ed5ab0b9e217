package org.opensrc.inetd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

/** inetd's line is what Logback's PatternLayout writes for {@link InetdLine#PATTERN}, character for character. */
class InetdLineTest {

    private final LoggerContext context = new LoggerContext();

    private LoggingEvent event(Level level, String message, Throwable thrown, Object... arguments) {
        var event =
                new LoggingEvent(
                        "org.slf4j.Logger",
                        context.getLogger("org.opensrc.inetd.Inetd"),
                        level,
                        message,
                        thrown,
                        arguments);
        event.setTimeStamp(1_796_600_580_123L);
        return event;
    }

    @Test
    void eachEventIsWrittenAsLogbacksPatternLayoutWritesIt() {
        var pattern = new PatternLayout();
        pattern.setContext(context);
        pattern.setPattern(InetdLine.PATTERN);
        pattern.start();
        var line = new InetdLine();
        line.setContext(context);
        line.start();
        var cause = new IOException("accept4: Too many open files");
        for (LoggingEvent event :
                List.of(
                        event(Level.INFO, "ftp: started {} for {}", null, 4242, "127.0.0.1"),
                        event(Level.DEBUG, "tab\there, escape\u001b[31m, delete\u007f, bell\u0007, newline\nend", null),
                        event(Level.WARN, "déjà vu 日本 \ud83d\ude00", null),
                        event(Level.ERROR, "echo: cannot listen", new IllegalStateException("bind", cause)),
                        event(Level.TRACE, null, null),
                        event(Level.INFO, "", null))) {
            assertEquals(pattern.doLayout(event), line.doLayout(event), event.getMessage());
        }
    }
}
