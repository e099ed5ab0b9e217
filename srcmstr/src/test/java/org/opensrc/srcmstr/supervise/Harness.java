package org.opensrc.srcmstr.supervise;

import org.opensrc.proto.v1.SrcCode;
import org.opensrc.srcmstr.registry.SubsystemDef;

import java.util.ArrayList;
import java.util.List;

/** Drives the pure machine by hand with a fake clock; remembers the last effects. */
final class Harness {

    final SupervisionMachine machine = new SupervisionMachine();
    SupervisionState state = SupervisionState.EMPTY;
    long now = 1_000_000;
    List<Effect> effects = List.of();
    private long replies;

    List<Effect> apply(Event event) {
        Transition t = machine.apply(state, event, now);
        state = t.state();
        effects = t.effects();
        return effects;
    }

    void advance(long ms) {
        now += ms;
    }

    /** Sends a command; returns the codes of the reply emitted (empty if none yet). */
    List<SrcCode> ask(Command command) {
        apply(new Event.Request(new ReplyTo(++replies), command));
        return replyCodes();
    }

    List<SrcCode> replyCodes() {
        List<SrcCode> codes = new ArrayList<>();
        for (Effect e : effects) {
            if (e instanceof Effect.Reply r) {
                r.outcomes().forEach(o -> codes.add(o.code()));
            }
        }
        return codes;
    }

    List<SrcCode> stop(String name, StopType kind) {
        return ask(new Command.Stop(new StopTarget.BySubsystem(name), kind));
    }

    /** Starts and delivers the spawn result; returns the reply codes (059 expected). */
    List<SrcCode> start(SubsystemDef def, long pid) {
        List<SrcCode> codes = ask(new Command.Start(def, List.of("-x"), List.of("A=1")));
        if (!codes.isEmpty()) {
            return codes;
        }
        apply(new Event.SpawnSucceeded(onlySpawn().instance(), pid));
        return replyCodes();
    }

    Effect.Spawn onlySpawn() {
        List<Effect.Spawn> spawns = of(Effect.Spawn.class);
        if (spawns.size() != 1) {
            throw new AssertionError("expected one spawn in " + effects);
        }
        return spawns.getFirst();
    }

    /** Delivers the spawn of the last effects as a success with {@code pid}. */
    void spawnSucceeds(long pid) {
        apply(new Event.SpawnSucceeded(onlySpawn().instance(), pid));
    }

    List<Effect> die(long pid, String how) {
        return apply(new Event.Exited(pid, how, List.of()));
    }

    <T extends Effect> List<T> of(Class<T> type) {
        return effects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<SrcCode> logged() {
        return of(Effect.Log.class).stream().map(Effect.Log::code).toList();
    }

    List<InstanceView> lssrc(List<SubsystemDef> registry) {
        return StatusListing.of(state, registry, StatusListing.Visibility.ALL);
    }

    InstanceView status(SubsystemDef def) {
        return lssrc(List.of(def)).stream().filter(v -> v.name().equals(def.subsysname())).findFirst().orElseThrow();
    }
}
