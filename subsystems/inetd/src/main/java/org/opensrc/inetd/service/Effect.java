package org.opensrc.inetd.service;

import org.opensrc.inetd.config.ServiceEntry;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What the driver must do after a {@link ServiceMachine} transition, in order. */
public sealed interface Effect {

    /** Try to bind the service's socket and report {@link Event.BindSucceeded} or {@link Event.BindFailed}. */
    record Bind() implements Effect {}

    /** Fire {@link Event.TimerFired} for {@code timer} at {@code at}. */
    record ArmTimer(ServiceTimer timer, Instant at) implements Effect {
        public ArmTimer {
            Objects.requireNonNull(timer, "timer");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Call off {@code timer} if it is armed. */
    record CancelTimer(ServiceTimer timer) implements Effect {
        public CancelTimer {
            Objects.requireNonNull(timer, "timer");
        }
    }

    /** Close the listening socket for good (and stop polling it). */
    record CloseSocket(int fd) implements Effect {}

    /** Close an accepted connection without serving it. */
    record CloseConnection(int conn) implements Effect {}

    /** Serve {@code conn} with internal service {@code name}; report {@link Event.InternalEnded} when done. */
    record ServeInternal(int conn, String name) implements Effect {
        public ServeInternal {
            Objects.requireNonNull(name, "name");
        }
    }

    /** Start {@code entry}'s server off the loop with {@code conn} as its stdio; report {@link Event.Spawned}. */
    record Spawn(int conn, ServiceEntry entry, InetSocketAddress peer) implements Effect {
        public Spawn {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(peer, "peer");
        }
    }

    /**
     * Make socket {@code fd} blocking and start {@code entry}'s server with it; report {@link
     * Event.WaitServerLaunched}.
     */
    record LendSocket(int fd, ServiceEntry entry) implements Effect {
        public LendSocket {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /**
     * Make socket {@code fd} non-blocking again; with {@code dropRequest}, also drop the request that woke inetd (after
     * a failed start, so the loop does not spin on it).
     */
    record ReclaimSocket(int fd, boolean dropRequest) implements Effect {}

    /** Answer a datagram for the internal service {@code name} on {@code fd}, if it has an answer. */
    record Answer(int fd, String name, byte[] request, InetSocketAddress to) implements Effect {
        public Answer {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(to, "to");
        }
    }

    /** Count {@code pid} as a running server of this service and watch for its exit. */
    record Track(int pid, Optional<InetSocketAddress> peer) implements Effect {
        public Track {
            Objects.requireNonNull(peer, "peer");
        }
    }

    /** SIGKILL to {@code pid}'s process group, or to {@code pid} alone. */
    record Kill(int pid) implements Effect {}

    /** Fewer things run now than the machine's counters had: every service may have room again. */
    record CapacityChanged() implements Effect {}

    /** A log line about the service. */
    record Log(Level level, String message) implements Effect {
        public Log {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(message, "message");
        }
    }

    /** A connection trace line: at INFO while tracing is on, else at DEBUG. */
    record Trace(String message) implements Effect {
        public Trace {
            Objects.requireNonNull(message, "message");
        }
    }

    /** How loud a {@link Log} is. */
    enum Level {
        INFO,
        WARN,
        ERROR
    }
}
