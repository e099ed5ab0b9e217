package org.opensrc.srcmstr.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Each of srcmstr's lines is what Logback's PatternLayout writes for its form's pattern, character for character. */
class SrcmstrLineTest {

    private final LoggerContext context = new LoggerContext();

    private LoggingEvent event(String logger, String thread, Level level, String message, Throwable thrown) {
        var event =
                new LoggingEvent(
                        "org.slf4j.Logger",
                        context.getLogger(logger),
                        level,
                        message,
                        thrown,
                        new Object[] {"s001", 4242});
        event.setTimeStamp(1_796_600_580_123L);
        event.setThreadName(thread);
        return event;
    }

    private List<LoggingEvent> events() {
        var cause = new IOException("accept4: Too many open files");
        var events = new ArrayList<LoggingEvent>();
        for (String logger : List.of("org.opensrc.srcmstr.supervise.SupervisionLoop", "Root", "a.B$C")) {
            events.add(event(logger, "srcmstr-loop", Level.INFO, "{} started, pid {}", null));
            events.add(
                    event(logger, "grpc-call-7", Level.DEBUG, "tab\there, escape\u001b[31m, del\u007f, nl\nend", null));
            events.add(event(logger, "main", Level.WARN, "déjà vu 日本 \ud83d\ude00", null));
            events.add(event(logger, "", Level.ERROR, "cannot spawn", new IllegalStateException("spawn", cause)));
            events.add(event(logger, "x", Level.TRACE, null, null));
            events.add(event(logger, "x", Level.INFO, "", null));
        }
        return events;
    }

    @Test
    void eachFormWritesEachEventAsPatternLayoutWritesItsPattern() {
        for (SrcmstrLine.Form form : SrcmstrLine.Form.values()) {
            var pattern = new PatternLayout();
            pattern.setContext(context);
            pattern.setPattern(form.pattern);
            pattern.start();
            var line = new SrcmstrLine(form);
            line.setContext(context);
            line.start();
            for (LoggingEvent event : events()) {
                assertEquals(pattern.doLayout(event), line.doLayout(event), form + ": " + event);
            }
        }
    }
}
