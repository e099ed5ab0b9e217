package org.opensrc.srcmstr;

import org.opensrc.libsrc.posix.ProcessTable;
import org.opensrc.srcmstr.durable.IoCause;
import org.opensrc.srcmstr.state.Readoption;
import org.opensrc.srcmstr.state.RealProcessProbe;
import org.opensrc.srcmstr.state.SavedState;
import org.opensrc.srcmstr.state.Snapshots;
import org.opensrc.srcmstr.state.SpawnMarker;
import org.opensrc.srcmstr.state.StateCheck;
import org.opensrc.srcmstr.state.StateFile;
import org.opensrc.srcmstr.state.StateWriter;
import org.opensrc.srcmstr.subsys.SubsystemHub;
import org.opensrc.srcmstr.supervise.InstanceId;
import org.opensrc.srcmstr.supervise.SupervisionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * srcmstr's side of {@code var/lib/src/state.json}: reads what the previous srcmstr saved (once, at start), and saves
 * every change of this one under a fresh run id.
 */
final class StateKeeping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StateKeeping.class);

    private final String runId;
    private final StateFile file;
    private final ProcessTable table;
    private final InstantSource clock;
    private final StateWriter writer;
    private SubsystemHub hub;

    StateKeeping(Path stateDir, ProcessTable table, InstantSource clock) {
        byte[] id = new byte[6];
        new SecureRandom().nextBytes(id);
        this.runId = HexFormat.of().formatHex(id);
        this.file = new StateFile(stateDir.resolve("state.json"));
        this.table = table;
        this.clock = clock;
        this.writer = new StateWriter(file, e -> LOG.error("cannot save {}: {}", file.path(), IoCause.of(e)));
    }

    /** The spawn marker words of instance {@code id} of this run. */
    List<String> marker(InstanceId id) {
        return List.of(SpawnMarker.word(runId, id));
    }

    /** The hub whose tokens are saved along (set once it exists). */
    void tokensFrom(SubsystemHub tokens) {
        this.hub = tokens;
    }

    /**
     * What the previous srcmstr left: a plan to take its subsystems over, or empty when there is nothing (or {@code
     * -B}: the file is then emptied, its processes left alone).
     */
    Optional<Readoption.Plan> takeOver(boolean noReadoption) {
        Optional<SavedState> saved;
        try {
            saved = file.read();
        } catch (IOException e) {
            LOG.error("cannot read the saved state, nothing re-adopted: {}", e.getMessage());
            try {
                LOG.error("unreadable state kept as {}", file.setAside());
            } catch (IOException moveFailed) {
                LOG.error("cannot set {} aside: {}", file.path(), moveFailed.toString());
            }
            return Optional.empty();
        }
        if (noReadoption) {
            saved.filter(s -> !s.instances().isEmpty())
                    .ifPresent(
                            s ->
                                    LOG.warn(
                                            "-B: no re-adoption; {} process(es) of the previous srcmstr are left running unmanaged: {}",
                                            s.instances().size(),
                                            s.instances().stream()
                                                    .map(i -> i.definition().subsysname() + " " + i.pid())
                                                    .toList()));
            writer.save(
                    new SavedState(
                            SavedState.VERSION, runId, clock.millis(), List.of(), List.of(), List.of(), Map.of()),
                    true);
            return Optional.empty();
        }
        return saved.map(s -> Readoption.plan(usable(s), new RealProcessProbe(table, Path.of("/proc"))));
    }

    /** The entries that can be applied; the others are logged and the file is kept aside as evidence. */
    private SavedState usable(SavedState saved) {
        StateCheck.Sorted sorted = StateCheck.sort(saved);
        if (!sorted.rejected().isEmpty()) {
            sorted.rejected().forEach(r -> LOG.error("saved state entry set aside, not applied: {}", r));
            try {
                LOG.error("the saved state as read is kept as {}", file.keepRejected());
            } catch (IOException e) {
                LOG.error("cannot keep a copy of {}: {}", file.path(), IoCause.of(e));
            }
        }
        return sorted.usable();
    }

    /** Saves {@code state}; durably before returning when {@code urgent}: then the cause if that failed. */
    Optional<String> persist(SupervisionState state, boolean urgent) {
        return writer.save(snapshot(state), urgent).map(IoCause::of);
    }

    private SavedState snapshot(SupervisionState state) {
        return Snapshots.of(
                runId,
                state,
                hub == null ? List.of() : hub.tokens(),
                pid -> table.startTime(Math.toIntExact(pid)).orElse(0L),
                clock.millis());
    }

    @Override
    public void close() {
        writer.close();
    }
}
