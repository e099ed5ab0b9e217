package org.opensrc.libsrc.client;

import org.opensrc.libsrc.SrcPaths;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * How long a command waits for srcmstr's answer before it gives up with 0513-056 ("Timeout waiting for command
 * response."). {@code SRC_TIMEOUT} (whole seconds, 1 to 86400) sets it; without it the command waits srcmstr's own
 * reply timeout for a subsystem ({@code reply.timeout.seconds} of {@code srcmstr.conf}, 60 s as AIX's REPLYLIMIT when
 * unset or unreadable) plus {@link #MARGIN}, so a subsystem that does not answer is reported by srcmstr, and only a
 * srcmstr that does not answer by the command. A request that itself waits ({@code --wait}) gets its wait on top.
 */
public record CommandTimeout(Duration base) {

    public static final String VARIABLE = "SRC_TIMEOUT";
    public static final Duration MARGIN = Duration.ofSeconds(30);
    static final long MAX_SECONDS = 86_400;

    public CommandTimeout {
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("a command timeout must be positive, got " + base);
        }
    }

    /**
     * The timeout for a command run with {@code env} against the srcmstr of {@code paths}.
     *
     * @throws IllegalArgumentException naming {@code SRC_TIMEOUT} when it is set to anything but a whole number of
     *     seconds from 1 to 86400
     */
    public static CommandTimeout fromEnvironment(SrcPaths paths, Map<String, String> env) {
        String value = env.get(VARIABLE);
        if (value != null) {
            return new CommandTimeout(
                    Duration.ofSeconds(
                            seconds(value.trim())
                                    .orElseThrow(
                                            () ->
                                                    new IllegalArgumentException(
                                                            VARIABLE
                                                                    + ": not a number of seconds from 1 to "
                                                                    + MAX_SECONDS
                                                                    + ": '"
                                                                    + value
                                                                    + "'"))));
        }
        return new CommandTimeout(Duration.ofSeconds(replyTimeoutSeconds(paths)).plus(MARGIN));
    }

    /** The deadline of a request that itself waits up to {@code wait} (zero for none). */
    public Duration forRequestWaiting(Duration wait) {
        return base.plus(wait.isNegative() ? Duration.ZERO : wait);
    }

    private static long replyTimeoutSeconds(SrcPaths paths) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(paths.configFile())) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            return 60; // none, or not readable by this user: srcmstr's default
        }
        String value = p.getProperty("reply.timeout.seconds");
        return value == null ? 60 : seconds(value.trim()).orElse(60L);
    }

    private static Optional<Long> seconds(String text) {
        try {
            long s = Long.parseLong(text);
            return s >= 1 && s <= MAX_SECONDS ? Optional.of(s) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
