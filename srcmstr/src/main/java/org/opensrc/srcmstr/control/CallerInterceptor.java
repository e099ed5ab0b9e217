package org.opensrc.srcmstr.control;

import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.Arrays;

/**
 * Makes the peer's credentials available to handlers as {@link Caller#current()}.
 * SO_PEERCRED carries only the primary group; the supplementary groups come from
 * {@code /proc/<pid>/status}, so an admin group works as a secondary group too.
 */
final class CallerInterceptor implements ServerInterceptor {

    static java.util.List<Integer> groups(int pid, int[] primary) {
        var all = new java.util.LinkedHashSet<Integer>();
        Arrays.stream(primary).forEach(all::add);
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("Groups:")) {
                    for (String g : line.substring(7).trim().split("\\s+")) {
                        if (!g.isEmpty()) {
                            all.add(Integer.parseInt(g));
                        }
                    }
                }
            }
        } catch (java.io.IOException e) {
            // the caller has already exited: its primary group is all we know
        }
        return java.util.List.copyOf(all);
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        var credentials = call.getAttributes().get(PeerCredentialsNegotiator.PEER_CREDENTIALS);
        Caller caller = credentials == null
                ? Caller.UNKNOWN
                : Caller.local(credentials.uid(), credentials.pid(), groups(credentials.pid(), credentials.gids()));
        return Contexts.interceptCall(io.grpc.Context.current().withValue(Caller.KEY, caller), call, headers, next);
    }
}
