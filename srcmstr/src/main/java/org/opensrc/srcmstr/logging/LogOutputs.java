package org.opensrc.srcmstr.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.net.SyslogAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;

import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where srcmstr's log goes besides its file ({@link SrcmstrLogging}): the journal when systemd connected standard
 * output to it, and syslog when srcmstr.conf names a host. Added to the root logger once, at start, after srcmstr.conf
 * is read.
 */
public final class LogOutputs {

    private LogOutputs() {}

    /**
     * Adds the journal and syslog outputs that apply.
     *
     * @param environment srcmstr's environment ({@code JOURNAL_STREAM})
     * @return {@code true} when the log goes to the journal
     * @throws IOException naming {@code log.syslog} when the syslog output cannot start (as a host that is not found)
     */
    public static boolean add(Map<String, String> environment, Optional<SyslogTarget> syslog) throws IOException {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        boolean journal = JournalStream.is(environment, JournalStream.identity(1));
        if (journal) {
            root.addAppender(journal(context));
            if (JournalStream.is(environment, JournalStream.identity(2))) {
                root.detachAppender("STDERR"); // its warnings would reach the journal twice
            }
        }
        if (syslog.isPresent()) {
            root.addAppender(syslog(context, syslog.get()));
        }
        return journal;
    }

    private static ConsoleAppender<ILoggingEvent> journal(LoggerContext context) {
        JournalLayout layout = new JournalLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setName("JOURNAL");
        appender.setContext(context);
        appender.setTarget("System.out");
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }

    private static SyslogAppender syslog(LoggerContext context, SyslogTarget target) throws IOException {
        SyslogAppender appender = new SyslogAppender();
        appender.setName("SYSLOG");
        appender.setContext(context);
        appender.setSyslogHost(target.host());
        appender.setPort(target.port());
        appender.setFacility(target.facility().toUpperCase(Locale.ROOT));
        appender.setSuffixPattern(
                "srcmstr["
                        + ProcessHandle.current().pid()
                        + "]: [%thread] %logger{0}: %replace(%msg){'\\p{Cntrl}', '?'}");
        appender.setCharset(StandardCharsets.UTF_8);
        appender.start();
        if (!appender.isStarted()) {
            throw new IOException("log.syslog=" + target + ": cannot send to this host (is its name known?)");
        }
        return appender;
    }
}
