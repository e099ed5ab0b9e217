package org.opensrc.srcmstr.subsys;

import org.opensrc.srcmstr.registry.SubsystemDef;
import org.opensrc.srcmstr.supervise.InstanceId;
import org.opensrc.srcmstr.supervise.SpawnHooks;
import org.opensrc.srcmstr.supervise.SpawnOrder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Gives each socket (and IPC) subsystem instance what it needs to attach to the subsystem API: {@code SRC_SOCKET} and a
 * fresh {@code SRC_TOKEN}, bound to its pid once spawned and forgotten when it ends. Signal subsystems get only {@code
 * SRC_ROOT}. Runs on the spawner threads of the supervision loop, several at once.
 */
public final class SubsystemSpawnHooks implements SpawnHooks {

    private final SubsystemHub hub;
    private final Path socket;
    private final Map<InstanceId, String> pending = new ConcurrentHashMap<>();

    private final List<String> rootEnvironment;
    private final Function<InstanceId, List<String>> marker;

    /**
     * @param root the SRC root; when it is not {@code /}, every subsystem gets {@code SRC_ROOT} too, so that SRC-aware
     *     daemons (inetd) use the same root
     */
    public SubsystemSpawnHooks(SubsystemHub hub, Path socket, Path root) {
        this(hub, socket, root, id -> List.of());
    }

    /**
     * @param marker extra words for every instance (srcmstr gives {@code SRC_INSTANCE}, the spawn marker that lets a
     *     restarted srcmstr find a process it never recorded)
     */
    public SubsystemSpawnHooks(SubsystemHub hub, Path socket, Path root, Function<InstanceId, List<String>> marker) {
        this.marker = marker;
        this.hub = hub;
        this.socket = socket;
        this.rootEnvironment = root.equals(Path.of("/")) ? List.of() : List.of("SRC_ROOT=" + root);
    }

    @Override
    public List<String> environment(SpawnOrder order) {
        List<String> env = new ArrayList<>(rootEnvironment);
        env.addAll(marker.apply(order.instance()));
        if (order.definition().contact() != SubsystemDef.Contact.SIGNAL) {
            String token = hub.newToken(order.definition().subsysname());
            pending.put(order.instance(), token);
            env.add("SRC_SOCKET=" + socket);
            env.add("SRC_TOKEN=" + token);
        }
        return env;
    }

    @Override
    public void spawned(SpawnOrder order, long pid) {
        String token = pending.remove(order.instance());
        if (token != null) {
            hub.bind(token, Math.toIntExact(pid));
        }
    }

    @Override
    public void failed(SpawnOrder order) {
        String token = pending.remove(order.instance());
        if (token != null) {
            hub.discard(token);
        }
    }

    @Override
    public void ended(long pid) {
        hub.forget(Math.toIntExact(pid));
    }
}
