package org.opensrc.srcmstr.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;

import org.junit.jupiter.api.Test;

class JournalLayoutTest {

    @Test
    void aJournalLineIsThePriorityThenTheLineWithoutATimestampAndWithoutControlCharacters() {
        LoggerContext context = new LoggerContext();
        JournalLayout layout = new JournalLayout();
        layout.setContext(context);
        layout.start();
        LoggingEvent event =
                new LoggingEvent(
                        "x",
                        context.getLogger("org.opensrc.srcmstr.Srcmstr"),
                        Level.WARN,
                        "warning: {}\nforged",
                        null,
                        new Object[] {"others can change"});
        event.setThreadName("supervision");
        assertEquals("<4>[supervision] Srcmstr: warning: others can change?forged\n", layout.doLayout(event));
    }
}
