package org.opensrc.srcmstr.supervise;

import org.opensrc.srcmstr.registry.SubsystemDef;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One running instance: the definition it was started with (a later {@code chssys} does not touch it), the {@code
 * startsrc -a}/{@code -e} strings used again on respawn, the session its processes live in, and its state.
 *
 * @param sessionId the session (and process group) created at spawn; equals the first pid
 * @param startTime the kernel start time of the first process, when known, to re-adopt safely
 * @param attached whether the process is connected to the subsystem API (socket contact)
 */
public record Instance(
        InstanceId id,
        SubsystemDef definition,
        List<String> args,
        List<String> env,
        long sessionId,
        OptionalLong startTime,
        boolean attached,
        InstanceState state) {

    public Instance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(definition, "definition");
        args = List.copyOf(args);
        env = List.copyOf(env);
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(state, "state");
    }

    public String name() {
        return definition.subsysname();
    }

    public long pid() {
        return state.pid();
    }

    public Instance withState(InstanceState newState) {
        return new Instance(id, definition, args, env, sessionId, startTime, attached, newState);
    }

    public Instance withAttached(boolean nowAttached) {
        return new Instance(id, definition, args, env, sessionId, startTime, nowAttached, state);
    }
}
