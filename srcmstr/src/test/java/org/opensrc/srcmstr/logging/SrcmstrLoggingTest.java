package org.opensrc.srcmstr.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.util.FileSize;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

class SrcmstrLoggingTest {

    private final LoggerContext context = new LoggerContext();

    @BeforeEach
    void mdc() {
        context.setMDCAdapter(new LogbackMDCAdapter()); // as Logback's provider gives the context it makes
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void anEventIsOneLineOfSrcmstrLogWithControlCharactersShownAsQuestionMarks(@TempDir Path dir) throws IOException {
        SrcmstrLogging.configure(context, dir.toString(), null);
        context.getLogger("org.opensrc.srcmstr.supervise.SupervisionLoop").info("a\nb\tc");
        context.stop();
        String log = Files.readString(dir.resolve("srcmstr.log"));
        assertTrue(
                log.matches(
                        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  \\[[^]]+\\]"
                                + " SupervisionLoop: a\\?b\\?c\n"),
                log);
        assertEquals(PrivateRollingFileAppender.MODE, Files.getPosixFilePermissions(dir.resolve("srcmstr.log")));
    }

    @Test
    void theFileRollsAtOpensrcLogsizeKeepingFive(@TempDir Path dir) {
        SrcmstrLogging.configure(context, dir.toString(), "512KB");
        var file = (RollingFileAppender<?>) root().getAppender("FILE");
        var rolling = (FixedWindowRollingPolicy) file.getRollingPolicy();
        assertEquals(dir + "/srcmstr.log.%i", rolling.getFileNamePattern());
        assertEquals(1, rolling.getMinIndex());
        assertEquals(5, rolling.getMaxIndex());
        var trigger = (SizeBasedTriggeringPolicy<?>) file.getTriggeringPolicy();
        assertEquals(FileSize.valueOf("512KB").getSize(), trigger.getMaxFileSize().getSize());
        assertTrue(file.isStarted());
    }

    @Test
    void aLogsizeThatIsNoSizeIsTenMegabytes() {
        assertEquals(
                FileSize.valueOf("10MB").getSize(), SrcmstrLogging.maxFileSize(context, "ten megabytes").getSize());
        assertEquals(FileSize.valueOf("10MB").getSize(), SrcmstrLogging.maxFileSize(context, null).getSize());
    }

    @Test
    void onlyWarningsAndErrorsReachStandardError(@TempDir Path dir) {
        SrcmstrLogging.configure(context, dir.toString(), null);
        Appender<?> stderr = root().getAppender("STDERR");
        @SuppressWarnings("unchecked")
        var appender = (Appender<LoggingEvent>) stderr;
        assertEquals(FilterReply.DENY, appender.getFilterChainDecision(event(Level.INFO)));
        assertEquals(FilterReply.NEUTRAL, appender.getFilterChainDecision(event(Level.WARN)));
        assertEquals(FilterReply.NEUTRAL, appender.getFilterChainDecision(event(Level.ERROR)));
    }

    @Test
    void grpcIsQuietAtWarnNettyAtErrorTheRestAtInfo(@TempDir Path dir) {
        SrcmstrLogging.configure(context, dir.toString(), null);
        assertEquals(Level.INFO, root().getLevel());
        assertEquals(Level.WARN, context.getLogger("io.grpc").getLevel());
        assertEquals(Level.ERROR, context.getLogger("io.grpc.netty.shaded").getLevel());
        assertEquals(Level.WARN, context.getLogger("io.grpc.internal.ServerImpl").getEffectiveLevel());
    }

    @Test
    void actsOnlyInSrcmstrAndStepsAsideForAnAdminsConfigurationFile(@TempDir Path dir) {
        String logDir = System.getProperty(SrcmstrLogging.LOG_DIR_PROPERTY);
        String file = System.getProperty("logback.configurationFile");
        var logging = new SrcmstrLogging();
        try {
            System.clearProperty(SrcmstrLogging.LOG_DIR_PROPERTY);
            System.clearProperty("logback.configurationFile");
            assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, logging.configure(context));
            System.setProperty(SrcmstrLogging.LOG_DIR_PROPERTY, dir.toString());
            System.setProperty("logback.configurationFile", dir.resolve("mine.xml").toString());
            assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, logging.configure(context));
            assertEquals(null, root().getAppender("FILE"));
            System.clearProperty("logback.configurationFile");
            assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, logging.configure(context));
            assertTrue(root().getAppender("FILE").isStarted());
        } finally {
            restore(SrcmstrLogging.LOG_DIR_PROPERTY, logDir);
            restore("logback.configurationFile", file);
        }
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }

    private Logger root() {
        return context.getLogger(Logger.ROOT_LOGGER_NAME);
    }

    private LoggingEvent event(Level level) {
        return new LoggingEvent("test", root(), level, "message", null, null);
    }
}
