package org.opensrc.inetd;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * inetd's Logback set-up, in code rather than an XML file: one line per event on stderr (srcmstr sends it to the
 * subsystem's log), {@code 2026-12-07T02:43:00.123+00:00 inetd INFO message}, control characters of the message shown
 * as {@code ?} ({@link InetdLine}). Without Logback's XML configurator inetd loads neither it nor the JDK's XML parser
 * (about 450 classes, 2 MB of its idle memory). Found by Logback through {@code META-INF/services}; it acts only in the
 * inetd process ({@link Main} sets {@value #LEVEL_PROPERTY}) and steps aside when {@code -Dlogback.configurationFile}
 * names another configuration.
 */
public final class InetdLogging extends ContextAwareBase implements Configurator {

    /** The root level, INFO or DEBUG ({@code inetd -d}); set by {@link Main} before the first logger. */
    static final String LEVEL_PROPERTY = "inetd.log.level";

    /** For Logback's service loader. */
    public InetdLogging() {}

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        String level = System.getProperty(LEVEL_PROPERTY);
        if (level == null || System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        var appender = new ConsoleAppender<ILoggingEvent>();
        appender.setTarget("System.err");
        configure(context, appender, Level.toLevel(level, Level.INFO));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Gives the root logger {@code appender} with inetd's line ({@link InetdLine}), at {@code level}. */
    static void configure(LoggerContext context, OutputStreamAppender<ILoggingEvent> appender, Level level) {
        var layout = new InetdLine();
        layout.setContext(context);
        layout.start();
        var encoder = new LayoutWrappingEncoder<ILoggingEvent>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        appender.setContext(context);
        appender.setName("STDERR");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level);
        root.addAppender(appender);
    }
}
