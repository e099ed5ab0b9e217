package org.opensrc.srcmstr.control;

import io.grpc.Server;

import java.util.concurrent.TimeUnit;

/** How srcmstr's listeners (local socket, remote TCP) stop: their calls cut, waited for at most two seconds. */
public final class ServerShutdown {

    private ServerShutdown() {}

    public static void now(Server server) {
        server.shutdownNow();
        try {
            server.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
