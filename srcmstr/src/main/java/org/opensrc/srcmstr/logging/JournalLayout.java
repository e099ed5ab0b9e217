package org.opensrc.srcmstr.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;

/**
 * A log line for the journal: the syslog priority journald reads from the start of a line ({@code <3>} error, {@code
 * <4>} warning, {@code <6>} info, {@code <7>} debug, as sd-daemon's {@code SD_ERR} ...), then the line without a
 * timestamp, which the journal adds.
 */
final class JournalLayout extends LayoutBase<ILoggingEvent> {

    private final SrcmstrLine line = new SrcmstrLine(SrcmstrLine.Form.JOURNAL);

    @Override
    public void start() {
        line.setContext(getContext());
        line.start();
        super.start();
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        return "<" + priority(event.getLevel()) + ">" + line.doLayout(event);
    }

    static int priority(Level level) {
        if (level.isGreaterOrEqual(Level.ERROR)) {
            return 3;
        }
        if (level.isGreaterOrEqual(Level.WARN)) {
            return 4;
        }
        if (level.isGreaterOrEqual(Level.INFO)) {
            return 6;
        }
        return 7;
    }
}
