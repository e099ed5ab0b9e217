package org.opensrc.inetd.service;

import org.opensrc.inetd.config.Protocol;
import org.opensrc.inetd.config.ServiceEntry;
import org.opensrc.inetd.config.ServiceEntry.Limits;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ServiceMachine} with a fake driver: timers go to a {@link ManualScheduler} (so a back-off ends when the test
 * moves the clock), every other effect is only recorded. No socket, thread or sleep.
 */
final class MachineRig {
    static final int FD = 7;
    static final InetSocketAddress PEER = new InetSocketAddress("10.0.0.1", 40000);
    static final InetSocketAddress OTHER_PEER = new InetSocketAddress("10.0.0.2", 40001);

    final ManualScheduler clock = new ManualScheduler();
    final ServiceMachine machine;

    /** Effects since the last {@link #take}, in order, timers' own included. */
    private final List<Effect> effects = new ArrayList<>();

    private final Map<ServiceTimer, Scheduler.Cancellable> timers = new EnumMap<>(ServiceTimer.class);

    MachineRig(ServiceEntry entry) {
        this.machine = new ServiceMachine(entry);
    }

    /** A machine for {@code entry} whose socket is bound and listening as {@link #FD}. */
    static MachineRig listening(ServiceEntry entry) {
        MachineRig rig = new MachineRig(entry);
        rig.feed(new Event.BindSucceeded(FD));
        rig.take();
        return rig;
    }

    static ServiceEntry external(boolean waits, Limits limits) {
        return new ServiceEntry(
                "ftp",
                Protocol.TCP4,
                "*",
                21,
                waits,
                limits,
                "root",
                Optional.empty(),
                "/usr/sbin/ftpd",
                List.of("ftpd"),
                Optional.empty(),
                true,
                Path.of("/etc/inetd.conf"),
                1);
    }

    static ServiceEntry internal(Protocol protocol, String name, Limits limits) {
        return new ServiceEntry(
                name,
                protocol,
                "*",
                7,
                !protocol.isStream(),
                limits,
                "root",
                Optional.empty(),
                "internal",
                List.of(),
                Optional.of(name),
                true,
                Path.of("/etc/inetd.conf"),
                1);
    }

    /** Applies {@code event} at the rig's clock and carries out the timer effects. */
    List<Effect> feed(Event event) {
        List<Effect> out = machine.apply(event, clock.instant());
        effects.addAll(out);
        for (Effect e : out) {
            switch (e) {
                case Effect.ArmTimer a ->
                        timers.put(
                                a.timer(),
                                clock.schedule(
                                        a.at(),
                                        () -> {
                                            timers.remove(a.timer());
                                            feed(new Event.TimerFired(a.timer()));
                                        }));
                case Effect.CancelTimer c -> {
                    Scheduler.Cancellable t = timers.remove(c.timer());
                    if (t != null) {
                        t.cancel();
                    }
                }
                default -> {}
            }
        }
        return out;
    }

    /** Moves the clock on, firing due timers. */
    void advance(Duration by) {
        clock.advance(by);
    }

    /** The effects recorded since the last call, and forgets them. */
    List<Effect> take() {
        List<Effect> out = List.copyOf(effects);
        effects.clear();
        return out;
    }

    boolean armed(ServiceTimer timer) {
        return timers.containsKey(timer);
    }
}
