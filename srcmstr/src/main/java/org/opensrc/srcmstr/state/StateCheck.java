package org.opensrc.srcmstr.state;

import org.opensrc.srcmstr.registry.FieldLimits;
import org.opensrc.srcmstr.registry.SubsystemDef;
import org.opensrc.srcmstr.supervise.SubsystemRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sorts a saved state into what the next srcmstr can apply and what it must set aside: an entry with a value out of
 * range (a uid of 2^32, a back-off of 2^63 ms, a pid of 0, an unknown stop or state word) is dropped with a line naming
 * it, so one poisoned entry can never wedge the srcmstr that reads it, nor the one after.
 */
public final class StateCheck {

    /** Linux's largest pid_max (2^22). */
    static final long PID_MAX = 4_194_304L;

    private static final Set<String> STATES = Set.of("starting", "active", "stopping", "warned to stop");
    private static final Set<String> STOPS = Set.of("", "NORMAL", "FORCED", "CANCEL");

    /** What may be applied, and one line for each entry set aside. */
    public record Sorted(SavedState usable, List<String> rejected) {
        public Sorted {
            rejected = List.copyOf(rejected);
        }
    }

    private StateCheck() {}

    public static Sorted sort(SavedState saved) {
        List<String> rejected = new ArrayList<>();
        List<SavedState.Instance> instances = new ArrayList<>();
        for (SavedState.Instance i : saved.instances()) {
            Optional<String> problem =
                    definition(i.definition())
                            .or(() -> launch(i.args(), i.env()))
                            .or(() -> pid("pid", i.pid()))
                            .or(() -> nonNegative("startTime", i.startTime()))
                            .or(() -> nonNegative("sessionId", i.sessionId()))
                            .or(
                                    () ->
                                            STATES.contains(i.state())
                                                    ? Optional.empty()
                                                    : Optional.of("unknown state '" + i.state() + "'"))
                            .or(
                                    () ->
                                            STOPS.contains(i.stop())
                                                    ? Optional.empty()
                                                    : Optional.of("unknown stop '" + i.stop() + "'"));
            keepOrReject(problem, "instance " + describe(i.definition()) + " pid " + i.pid(), i, instances, rejected);
        }
        List<SavedState.Spawn> spawning = new ArrayList<>();
        for (SavedState.Spawn s : saved.spawning()) {
            Optional<String> problem = definition(s.definition()).or(() -> launch(s.args(), s.env()));
            keepOrReject(problem, "spawn " + describe(s.definition()), s, spawning, rejected);
        }
        List<SavedState.Retry> retries = new ArrayList<>();
        for (SavedState.Retry r : saved.retries()) {
            Optional<String> problem =
                    definition(r.definition()).or(() -> launch(r.args(), r.env())).or(() -> nonNegative("at", r.at()));
            keepOrReject(problem, "restart " + describe(r.definition()), r, retries, rejected);
        }
        Map<String, SubsystemRecord> subsystems = new HashMap<>();
        saved.subsystems()
                .forEach(
                        (name, record) -> {
                            Optional<String> problem =
                                    FieldLimits.name("subsysname", name, false)
                                            .map(Object::toString)
                                            .or(
                                                    () ->
                                                            record.restarts() < 0
                                                                    ? Optional.of("restarts " + record.restarts())
                                                                    : Optional.empty());
                            if (problem.isPresent()) {
                                rejected.add(
                                        "record of subsystem '"
                                                + org.opensrc.libsrc.SafeText.of(name)
                                                + "': "
                                                + problem.get());
                            } else {
                                subsystems.put(name, record);
                            }
                        });
        return new Sorted(
                new SavedState(
                        saved.version(), saved.runId(), saved.savedAt(), instances, spawning, retries, subsystems),
                rejected);
    }

    private static <T> void keepOrReject(
            Optional<String> problem, String what, T entry, List<T> kept, List<String> rejected) {
        if (problem.isPresent()) {
            rejected.add(what + ": " + problem.get());
        } else {
            kept.add(entry);
        }
    }

    private static String describe(SubsystemDef def) {
        return "'" + org.opensrc.libsrc.SafeText.of(def.subsysname()) + "'";
    }

    private static Optional<String> definition(SubsystemDef def) {
        return FieldLimits.check(def).map(Object::toString);
    }

    private static Optional<String> launch(List<String> args, List<String> env) {
        for (String a : args) {
            Optional<FieldLimits.Violation> v = FieldLimits.text("args", a);
            if (v.isPresent()) {
                return Optional.of(v.get().toString());
            }
        }
        for (String e : env) {
            if (e.indexOf('=') <= 0) {
                return Optional.of("env: an entry is not NAME=value");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> pid(String field, long value) {
        return value > 0 && value <= PID_MAX
                ? Optional.empty()
                : Optional.of(field + " " + value + " is out of range 1.." + PID_MAX);
    }

    private static Optional<String> nonNegative(String field, long value) {
        return value >= 0 ? Optional.empty() : Optional.of(field + " " + value + " is negative");
    }
}
