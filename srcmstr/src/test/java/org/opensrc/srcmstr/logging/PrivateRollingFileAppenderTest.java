package org.opensrc.srcmstr.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

class PrivateRollingFileAppenderTest {

    @TempDir Path dir;

    @Test
    void theLogAndEveryRolledFileAreOwnerWriteGroupReadOnly() throws IOException {
        Path log = dir.resolve("srcmstr.log");
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        var appender = new PrivateRollingFileAppender<ILoggingEvent>();
        appender.setContext(context);
        appender.setFile(log.toString());
        var rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(dir.resolve("srcmstr.log.%i").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(2);
        rolling.start();
        var trigger = new SizeBasedTriggeringPolicy<ILoggingEvent>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("1KB"));
        trigger.setCheckIncrement(Duration.buildByMilliseconds(0));
        trigger.start();
        var encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.setEncoder(encoder);
        appender.start();
        var logger = context.getLogger("test");
        logger.addAppender(appender);
        for (int i = 0; i < 200; i++) {
            logger.info("line {} of a log that must roll over: {}", i, "x".repeat(40));
        }
        context.stop();

        assertTrue(Files.exists(dir.resolve("srcmstr.log.1")), "rolled over");
        assertTrue(Files.exists(dir.resolve("srcmstr.log.2")), "rolled over twice");
        assertTrue(!Files.exists(dir.resolve("srcmstr.log.3")), "at most maxIndex files kept");
        for (String name : new String[] {"srcmstr.log", "srcmstr.log.1", "srcmstr.log.2"}) {
            assertEquals(
                    "rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name))), name);
        }
    }

    @Test
    void anExistingWiderLogIsNarrowed() throws IOException {
        Path log = Files.createFile(dir.resolve("srcmstr.log"));
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));
        PrivateRollingFileAppender.createPrivate(log);
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
    }
}
