package org.opensrc.inetd.internal;

import org.opensrc.libsrc.posix.Net;
import org.opensrc.libsrc.posix.NetException;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * The internal TCP services. daytime and time answer at once on the caller's thread (a few bytes to a fresh socket
 * never block). echo, discard and chargen stream, each on its own platform thread (a blocking native read would pin a
 * virtual thread's carrier), at most {@code maxStreams} at a time, every read and write bounded by {@code idleTimeout}.
 */
public final class StreamInternals {
    /** How a served connection ended, for the caller's counters. */
    public interface Completion {
        void done(String service, int fd);
    }

    private final Clock clock;
    private final Duration idleTimeout;
    private final Semaphore streams;

    public StreamInternals(Clock clock, int maxStreams, Duration idleTimeout) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.streams = new Semaphore(maxStreams);
    }

    /**
     * Serves connection {@code fd} (which this class then owns and closes). Returns false, closing the connection, when
     * every streaming slot is taken. {@code completion} runs on the serving thread.
     */
    public boolean serve(String service, int fd, Completion completion) {
        switch (service) {
            case "daytime", "time" -> {
                byte[] b =
                        service.equals("time")
                                ? Responses.time(clock.instant())
                                : Responses.daytime(clock.instant(), clock.getZone());
                try {
                    Net.write(fd, b, b.length);
                } catch (NetException e) {
                    // the client went away before the answer: nothing to do
                }
                Net.close(fd);
                completion.done(service, fd);
                return true;
            }
            case "echo", "discard", "chargen" -> {
                if (!streams.tryAcquire()) {
                    Net.close(fd);
                    return false;
                }
                Thread.ofPlatform()
                        .name("inetd-" + service + "-" + fd)
                        .daemon(true)
                        .start(
                                () -> {
                                    try {
                                        Net.setTimeouts(fd, idleTimeout);
                                        stream(service, fd);
                                    } catch (NetException e) {
                                        // peer reset, idle timeout or close: the connection is over
                                    } finally {
                                        Net.close(fd);
                                        streams.release();
                                        completion.done(service, fd);
                                    }
                                });
                return true;
            }
            default -> throw new IllegalArgumentException("not an internal service: " + service);
        }
    }

    private static void stream(String service, int fd) throws NetException {
        byte[] buf = new byte[8192];
        switch (service) {
            case "echo" -> {
                int n;
                while ((n = Net.read(fd, buf, buf.length)) > 0) {
                    Net.write(fd, buf, n);
                }
            }
            case "discard" -> {
                while (Net.read(fd, buf, buf.length) > 0) {
                    // drop
                }
            }
            case "chargen" -> {
                for (long line = 0; ; line++) {
                    byte[] b = Responses.chargenLine(line);
                    Net.write(fd, b, b.length);
                }
            }
            default -> throw new IllegalArgumentException(service);
        }
    }
}
