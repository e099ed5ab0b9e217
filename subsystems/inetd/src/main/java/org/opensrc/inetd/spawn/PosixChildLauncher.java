package org.opensrc.inetd.spawn;

import org.opensrc.inetd.config.ServiceEntry;
import org.opensrc.libsrc.posix.FdSource;
import org.opensrc.libsrc.posix.RunAs;
import org.opensrc.libsrc.posix.SpawnResult;
import org.opensrc.libsrc.posix.SpawnSpec;
import org.opensrc.libsrc.posix.Spawner;
import org.opensrc.libsrc.posix.User;
import org.opensrc.libsrc.posix.UserDatabaseCache;
import org.opensrc.libsrc.posix.Users;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts servers with libsrc's {@link Spawner} (posix_spawn): the socket is dup'ed onto fds 0, 1 and 2, every other
 * descriptor is closed, the child gets its own session, the entry's user and group, and a laundered environment (PATH
 * plus {@code REMOTE_ADDR}/{@code REMOTE_PORT} for a connection, as systemd sets them).
 */
public final class PosixChildLauncher implements ChildLauncher {
    /** A user looked up at most once a second per name (changes still show within a second). */
    private final UserDatabaseCache<String, Optional<User>> users = new UserDatabaseCache<>(Users::lookup);

    @Override
    public Launch launch(ServiceEntry entry, int socketFd, Optional<InetSocketAddress> peer) {
        Optional<User> user = users.get(entry.user());
        if (user.isEmpty()) {
            return new Launch.Failed("getpwnam: " + entry.user() + ": No such user");
        }
        int gid = user.get().gid();
        if (entry.group().isPresent()) {
            Optional<Integer> g = Users.groupId(entry.group().get());
            if (g.isEmpty()) {
                return new Launch.Failed("getgrnam: " + entry.group().get() + ": No such group");
            }
            gid = g.get();
        }
        List<String> env = new ArrayList<>(List.of("PATH=" + SpawnSpec.LOGIN_PATH));
        peer.ifPresent(
                p -> {
                    env.add("REMOTE_ADDR=" + p.getAddress().getHostAddress());
                    env.add("REMOTE_PORT=" + p.getPort());
                });
        FdSource sock = new FdSource.Fd(socketFd);
        SpawnSpec spec =
                SpawnSpec.of(Path.of(entry.server()), entry.args(), env)
                        .withStdio(sock, sock, sock)
                        .withNewSession(true)
                        .withRunAs(new RunAs(user.get().uid(), gid));
        return switch (Spawner.spawn(spec)) {
            case SpawnResult.Spawned s -> new Launch.Started(s.pid());
            case SpawnResult.Failed f ->
                    new Launch.Failed(f.stage() + ": " + f.message() + " (errno " + f.errno() + ")");
        };
    }
}
