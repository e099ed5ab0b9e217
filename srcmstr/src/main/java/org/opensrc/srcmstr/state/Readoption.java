package org.opensrc.srcmstr.state;

import org.opensrc.srcmstr.registry.SubsystemDef;
import org.opensrc.srcmstr.subsys.InstanceToken;
import org.opensrc.srcmstr.supervise.Event;
import org.opensrc.srcmstr.supervise.StopType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Works out, from what an earlier srcmstr saved and what runs now, the events that give the new srcmstr the same
 * subsystems: one {@link Event.Recall} first, then an {@link Event.Adopt} for each process still alive <em>with the
 * start time recorded</em> (a pid reused by an unrelated process is never adopted), and an {@link Event.EndedWhileAway}
 * for each one that is gone. A spawn ordered but never recorded is looked for by its marker: adopted if found, ordered
 * again if not.
 */
public final class Readoption {

    /** The events to submit in order, and the subsystem API tokens to restore first. */
    public record Plan(List<Event> events, List<InstanceToken> tokens, int adopted, int ended) {
        public Plan {
            events = List.copyOf(events);
            tokens = List.copyOf(tokens);
        }
    }

    private Readoption() {}

    public static Plan plan(SavedState saved, ProcessProbe probe) {
        List<Event> events = new ArrayList<>();
        List<InstanceToken> tokens = new ArrayList<>();
        List<Event.Recall.Restart> restarts = new ArrayList<>();
        saved.retries().forEach(r -> restarts.add(new Event.Recall.Restart(r.definition(), r.args(), r.env(), r.at())));
        int adopted = 0;
        int ended = 0;
        List<Event> after = new ArrayList<>();
        for (SavedState.Instance i : saved.instances()) {
            OptionalLong now = probe.startTime(i.pid());
            Optional<StopType> stop = i.stop().isEmpty() ? Optional.empty() : Optional.of(StopType.valueOf(i.stop()));
            if (i.startTime() != 0 && now.isPresent() && now.getAsLong() == i.startTime()) {
                after.add(new Event.Adopt(i.definition(), i.pid(), now, i.args(), i.env(), i.sessionId(), stop));
                token(i.definition(), i.token(), i.pid()).ifPresent(tokens::add);
                adopted++;
            } else {
                after.add(new Event.EndedWhileAway(i.definition(), i.pid(), i.args(), i.env(), stop.isPresent()));
                ended++;
            }
        }
        Set<String> markers = saved.spawning().stream().map(SavedState.Spawn::marker).collect(Collectors.toSet());
        Map<String, ProcessProbe.Marked> found = probe.findMarked(markers);
        for (SavedState.Spawn s : saved.spawning()) {
            ProcessProbe.Marked m = found.get(s.marker());
            if (m == null) {
                restarts.add(new Event.Recall.Restart(s.definition(), s.args(), s.env(), 0));
                continue;
            }
            after.add(
                    new Event.Adopt(
                            s.definition(),
                            m.pid(),
                            OptionalLong.of(m.startTime()),
                            s.args(),
                            s.env(),
                            m.sessionId(),
                            Optional.empty()));
            token(s.definition(), m.token(), m.pid()).ifPresent(tokens::add);
            adopted++;
        }
        events.add(new Event.Recall(saved.subsystems(), restarts));
        events.addAll(after);
        return new Plan(events, tokens, adopted, ended);
    }

    private static Optional<InstanceToken> token(SubsystemDef def, String token, long pid) {
        if (token.isEmpty() || def.contact() == SubsystemDef.Contact.SIGNAL) {
            return Optional.empty();
        }
        return Optional.of(new InstanceToken(token, def.subsysname(), Math.toIntExact(pid)));
    }
}
