package org.opensrc.inetd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

class InetdLoggingTest {

    private static String logged(Level level, java.util.function.Consumer<org.slf4j.Logger> body) {
        var context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // as Logback's SLF4J provider gives its context
        var out = new ByteArrayOutputStream();
        var appender = new OutputStreamAppender<ILoggingEvent>();
        appender.setOutputStream(out);
        InetdLogging.configure(context, appender, level);
        body.accept(context.getLogger("org.opensrc.inetd.Anything"));
        context.stop();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLineIsTheIsoTimeInetdTheLevelAndTheMessageWithControlCharactersShownAsQuestionMarks() {
        String line = logged(Level.INFO, log -> log.info("ftp: bad line\u001b[31m\tend"));
        assertTrue(
                line.matches(
                        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) inetd INFO  ftp: bad"
                                + " line\\?\\[31m\\?end\n"),
                line);
    }

    @Test
    void debugLinesAppearOnlyAtTheDebugLevel() {
        assertEquals("", logged(Level.INFO, log -> log.debug("trace")));
        assertTrue(logged(Level.DEBUG, log -> log.debug("trace")).contains(" inetd DEBUG trace\n"));
    }

    @Test
    void outsideInetdOrWithAConfigurationFileItStepsAside() {
        // the unit tests run without inetd.log.level: the test configuration stays in charge
        assertEquals(
                Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY, new InetdLogging().configure(new LoggerContext()));
    }
}
