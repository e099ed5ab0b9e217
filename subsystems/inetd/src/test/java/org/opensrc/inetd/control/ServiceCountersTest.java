package org.opensrc.inetd.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.opensrc.proto.v1.ServiceCounters;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

class ServiceCountersTest {

    /** A super-server frozen at one snapshot; nothing else is asked of it here. */
    private record FrozenInetd(InetdSnapshot snapshot) implements InetdControl {
        @Override
        public CompletableFuture<ReloadReport> reload() {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<SubserverChange> enable(String service) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<SubserverChange> disable(String service, boolean killRunning) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setTrace(boolean on) {
            throw new UnsupportedOperationException();
        }
    }

    private static ServiceStatus service(
            String name, String protocol, String bindHost, int port, long accepted, long refused, long rateLimited) {
        return new ServiceStatus(
                name,
                protocol,
                bindHost,
                port,
                false,
                "internal",
                List.of(),
                "active",
                accepted,
                refused,
                rateLimited,
                1,
                Optional.empty());
    }

    @Test
    void everyServiceOfTheSnapshotIsAnsweredWithTheCountersLongStatusShows() {
        var inetd =
                new FrozenInetd(
                        new InetdSnapshot(
                                Path.of("/etc/inetd.conf"),
                                false,
                                1,
                                List.of(
                                        service("daytime", "tcp", "*", 13, 3, 1, 2),
                                        service("echo", "udp6", "::1", 7, 0, 0, 0)),
                                List.of()));

        List<ServiceCounters> answered = new InetdSrcHandler(inetd).serviceCounters();

        assertEquals(
                List.of(
                        ServiceCounters.newBuilder()
                                .setService("daytime")
                                .setProtocol("tcp")
                                .setAddress("*")
                                .setPort(13)
                                .setState("active")
                                .setAccepted(3)
                                .setRefused(1)
                                .setRateLimited(2)
                                .setRunning(1)
                                .build(),
                        ServiceCounters.newBuilder()
                                .setService("echo")
                                .setProtocol("udp6")
                                .setAddress("::1")
                                .setPort(7)
                                .setState("active")
                                .setRunning(1)
                                .build()),
                answered);
    }
}
