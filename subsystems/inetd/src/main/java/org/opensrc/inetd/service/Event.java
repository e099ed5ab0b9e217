package org.opensrc.inetd.service;

import org.opensrc.inetd.config.ServiceEntry;
import org.opensrc.inetd.spawn.Launch;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Everything that can change one service. Times come with {@link ServiceMachine#apply}, not from a clock. */
public sealed interface Event {

    /** The socket was bound (and listens, for a stream) as {@code fd}. */
    record BindSucceeded(int fd) implements Event {}

    /** The bind failed; {@code reason} says why. */
    record BindFailed(String reason) implements Event {
        public BindFailed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A timer armed by {@link Effect.ArmTimer} is due. */
    record TimerFired(ServiceTimer timer) implements Event {
        public TimerFired {
            Objects.requireNonNull(timer, "timer");
        }
    }

    /**
     * A stream connection {@code conn} was accepted from {@code peer}; {@code permitted} is the access decision
     * (address lists, hosts.allow/hosts.deny).
     */
    record Connected(int conn, InetSocketAddress peer, boolean permitted) implements Event {
        public Connected {
            Objects.requireNonNull(peer, "peer");
        }
    }

    /**
     * A datagram for an internal service came from {@code from}; {@code permitted} is false for the loop guard or
     * access control.
     */
    record DatagramReceived(InetSocketAddress from, byte[] data, boolean permitted) implements Event {
        public DatagramReceived {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(data, "data");
        }
    }

    /** The socket of an external {@code wait} service is readable: its server should take it. */
    record WaitRequest() implements Event {}

    /** The outcome of starting a {@code wait} server with the socket ({@link Effect.LendSocket}). */
    record WaitServerLaunched(Launch launch) implements Event {
        public WaitServerLaunched {
            Objects.requireNonNull(launch, "launch");
        }
    }

    /** The outcome of spawning a {@code nowait} server ({@link Effect.Spawn}) for {@code peer}. */
    record Spawned(Launch launch, InetSocketAddress peer) implements Event {
        public Spawned {
            Objects.requireNonNull(launch, "launch");
            Objects.requireNonNull(peer, "peer");
        }
    }

    /** An internal stream service finished its connection. */
    record InternalEnded() implements Event {}

    /** A server of this service ended after running {@code ran}; {@code status} is e.g. "exit 0". */
    record ChildExited(int pid, String status, Duration ran, Optional<InetSocketAddress> peer) implements Event {
        public ChildExited {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(ran, "ran");
            Objects.requireNonNull(peer, "peer");
        }
    }

    /** A reload kept the socket with a new line (user, server, args, limits may differ). */
    record Replaced(ServiceEntry entry) implements Event {
        public Replaced {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** A forced stop: servers still being spawned are to be killed as soon as they exist. */
    record ForcedStop() implements Event {}

    /** Stop accepting for good and close the socket (removed by a reload, or inetd stops). */
    record Retire() implements Event {}
}
