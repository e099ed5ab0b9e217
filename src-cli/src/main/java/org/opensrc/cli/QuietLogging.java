package org.opensrc.cli;

/**
 * The commands' java.util.logging configuration ({@code -Djava.util.logging.config.class}, set by {@code opensrc-run}):
 * none. The JDK then neither reads {@code logging.properties} nor makes a console handler at each start; the commands
 * print only their own messages.
 */
public final class QuietLogging {

    /** Called by {@link java.util.logging.LogManager} in place of reading its configuration file. */
    public QuietLogging() {}
}
