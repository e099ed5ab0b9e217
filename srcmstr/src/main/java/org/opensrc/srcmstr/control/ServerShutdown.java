package org.opensrc.srcmstr.control;

import io.grpc.Server;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;

import java.util.concurrent.TimeUnit;

/** How srcmstr's listeners (local socket, remote TCP) stop: calls cut, then their event loops. */
public final class ServerShutdown {

    private ServerShutdown() {}

    public static void now(Server server, EventLoopGroup... groups) {
        server.shutdownNow();
        try {
            server.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (EventLoopGroup group : groups) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
        }
    }
}
