package org.opensrc.srcmstr.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.WarnStatus;
import ch.qos.logback.core.util.FileSize;

import java.util.Properties;

/**
 * srcmstr's Logback set-up, in code rather than an XML file, so that srcmstr loads neither Logback's XML configurator
 * (Joran) nor the JDK's XML parser:
 *
 * <ul>
 *   <li>{@code FILE}: {@code ${opensrc.logdir}/srcmstr.log}, created mode 0640 ({@link PrivateRollingFileAppender}),
 *       appended to, rolled at {@code opensrc.logsize} (default 10MB) into {@code srcmstr.log.1} .. {@code .5}; one
 *       line per event, {@code 2026-12-07T02:43:00.123+00:00 INFO [srcmstr-loop] SupervisionLoop: message};
 *   <li>{@code STDERR}: warnings and errors only, {@code srcmstr: message};
 *   <li>{@code io.grpc} at WARN, {@code io.grpc.netty.shaded} at ERROR, the rest at INFO.
 * </ul>
 *
 * Control characters of a message are shown as {@code ?}, so one event stays one line. {@link LogOutputs} adds the
 * journal and syslog later. Found by Logback through {@code META-INF/services}; it acts only in the srcmstr process
 * ({@link org.opensrc.srcmstr.Main} sets {@value #LOG_DIR_PROPERTY}) and steps aside when {@code
 * -Dlogback.configurationFile} names another configuration.
 */
public final class SrcmstrLogging extends ContextAwareBase implements Configurator {

    /** The folder of srcmstr.log; set by Main from {@code SRC_ROOT} before the first logger. */
    public static final String LOG_DIR_PROPERTY = "opensrc.logdir";

    /** The size at which srcmstr.log rolls over, as Logback reads sizes ({@code 10MB}, {@code 512KB}). */
    static final String LOG_SIZE_PROPERTY = "opensrc.logsize";

    static final String DEFAULT_LOG_SIZE = "10MB";

    /** For Logback's service loader. */
    public SrcmstrLogging() {}

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Properties properties = System.getProperties();
        if (properties.getProperty(LOG_DIR_PROPERTY) == null
                || properties.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configure(context, properties.getProperty(LOG_DIR_PROPERTY), properties.getProperty(LOG_SIZE_PROPERTY));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * Gives {@code context} srcmstr's appenders and levels.
     *
     * @param logSize as {@value #LOG_SIZE_PROPERTY}; null or not a size: 10MB
     */
    static void configure(LoggerContext context, String logDir, String logSize) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file(context, logDir, logSize));
        root.addAppender(stderr(context));
        context.getLogger("io.grpc").setLevel(Level.WARN);
        context.getLogger("io.grpc.netty.shaded").setLevel(Level.ERROR);
    }

    private static PrivateRollingFileAppender<ILoggingEvent> file(LoggerContext context, String logDir, String size) {
        var appender = new PrivateRollingFileAppender<ILoggingEvent>();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setFile(logDir + "/srcmstr.log");
        appender.setAppend(true);
        var rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender); // the policy renames the parent's file
        rolling.setFileNamePattern(logDir + "/srcmstr.log.%i");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(5);
        rolling.start();
        var trigger = new SizeBasedTriggeringPolicy<ILoggingEvent>();
        trigger.setContext(context);
        trigger.setMaxFileSize(maxFileSize(context, size));
        trigger.start();
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.setEncoder(encoder(context, SrcmstrLine.Form.FILE));
        appender.start();
        return appender;
    }

    /** {@code size} as a file size; 10MB, with a warning in Logback's status, when it is none. */
    static FileSize maxFileSize(LoggerContext context, String size) {
        if (size != null) {
            try {
                return FileSize.valueOf(size);
            } catch (IllegalArgumentException e) {
                context.getStatusManager()
                        .add(
                                new WarnStatus(
                                        LOG_SIZE_PROPERTY + "=" + size + " is no size; " + DEFAULT_LOG_SIZE + " used",
                                        SrcmstrLogging.class));
            }
        }
        return FileSize.valueOf(DEFAULT_LOG_SIZE);
    }

    private static ConsoleAppender<ILoggingEvent> stderr(LoggerContext context) {
        var warnings = new ThresholdFilter();
        warnings.setContext(context);
        warnings.setLevel("WARN");
        warnings.start();
        var appender = new ConsoleAppender<ILoggingEvent>();
        appender.setContext(context);
        appender.setName("STDERR");
        appender.setTarget("System.err");
        appender.addFilter(warnings);
        appender.setEncoder(encoder(context, SrcmstrLine.Form.STDERR));
        appender.start();
        return appender;
    }

    private static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext context, SrcmstrLine.Form form) {
        var line = new SrcmstrLine(form);
        line.setContext(context);
        line.start();
        var encoder = new LayoutWrappingEncoder<ILoggingEvent>();
        encoder.setContext(context);
        encoder.setLayout(line);
        encoder.start();
        return encoder;
    }
}
