package org.opensrc.srcmstr;

import org.opensrc.libsrc.posix.ProcessTable;
import org.opensrc.srcmstr.durable.IoCause;
import org.opensrc.srcmstr.state.JournalEntry;
import org.opensrc.srcmstr.state.Readoption;
import org.opensrc.srcmstr.state.RealProcessProbe;
import org.opensrc.srcmstr.state.SavedState;
import org.opensrc.srcmstr.state.Snapshots;
import org.opensrc.srcmstr.state.SpawnMarker;
import org.opensrc.srcmstr.state.StateCheck;
import org.opensrc.srcmstr.state.StateFile;
import org.opensrc.srcmstr.subsys.InstanceToken;
import org.opensrc.srcmstr.subsys.SubsystemHub;
import org.opensrc.srcmstr.supervise.InstanceId;
import org.opensrc.srcmstr.supervise.SupervisionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * srcmstr's side of {@code var/lib/src/state.json} and its journal: reads what the previous srcmstr saved (once, at
 * start), and saves every change of this one under a fresh run id. The first save of a run writes a whole image; after
 * that each save appends to the journal only the entries that changed (synced when the save is urgent), and the image
 * is written anew once the journal has grown past twice its size, so saving costs about the same per change whatever
 * the number of subsystems. Used from the supervision thread only.
 */
final class StateKeeping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StateKeeping.class);

    /** The journal is always allowed this much before the image is rewritten. */
    private static final long JOURNAL_MIN = 256 * 1024;

    private final String runId;
    private final StateFile file;
    private final ProcessTable table;
    private final InstantSource clock;
    private SubsystemHub hub;
    private SupervisionState saved; // what the files hold now; null: write an image next
    private long imageBytes;
    private long journalBytes;
    private long seq;
    private boolean unsynced; // a journal line was written and not yet synced
    private long images;

    StateKeeping(Path stateDir, ProcessTable table, InstantSource clock) {
        byte[] id = new byte[6];
        new SecureRandom().nextBytes(id);
        this.runId = HexFormat.of().formatHex(id);
        this.file = new StateFile(stateDir.resolve("state.json"));
        this.table = table;
        this.clock = clock;
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
            try {
                file.write(
                        StateFile.image(
                                new SavedState(
                                        SavedState.VERSION,
                                        runId,
                                        clock.millis(),
                                        List.of(),
                                        List.of(),
                                        List.of(),
                                        Map.of()),
                                "",
                                null));
            } catch (IOException e) {
                LOG.error("cannot save {}: {}", file.path(), IoCause.of(e));
            }
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

    /**
     * Writes {@code state}: once this returns a crash of srcmstr cannot lose it (an image is synced too); {@link #sync}
     * makes a journal line durable. The cause if that failed.
     */
    Optional<String> persist(SupervisionState state) {
        try {
            if (saved == null || journalBytes > Math.max(JOURNAL_MIN, 2 * imageBytes)) {
                writeImage(state);
            } else {
                JournalEntry entry =
                        Snapshots.delta(runId, saved, state, this::tokens, this::startTimeOf, clock.millis(), ++seq);
                if (!entry.nothingChanged()) {
                    journalBytes += file.append(entry, false);
                    unsynced = true;
                }
            }
            saved = state;
            return Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return failed(e);
        }
    }

    /**
     * Makes what {@link #persist} wrote durable (synced: it survives a crash of the machine); the cause if that failed.
     */
    Optional<String> sync() {
        if (!unsynced) {
            return Optional.empty();
        }
        try {
            file.sync();
            unsynced = false;
            return Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return failed(e);
        }
    }

    private Optional<String> failed(Exception e) {
        saved = null; // the journal may end in a partial line: the next save writes an image
        unsynced = false;
        String cause = e instanceof UncheckedIOException u ? IoCause.of(u.getCause()) : IoCause.of((IOException) e);
        LOG.error("cannot save {}: {}", file.path(), cause);
        return Optional.of(cause); // the batch's spawns are then not made: nothing runs that is not written
    }

    private void writeImage(SupervisionState state) throws IOException {
        String journalId = runId + "." + ++images;
        imageBytes = file.write(Snapshots.image(runId, state, tokens(), this::startTimeOf, clock.millis(), journalId));
        journalBytes = 0;
        seq = 0;
        unsynced = false; // the image is synced, the journal after it empty
    }

    private List<InstanceToken> tokens() {
        return hub == null ? List.of() : hub.tokens();
    }

    private long startTimeOf(long pid) {
        return table.startTime(Math.toIntExact(pid)).orElse(0L);
    }

    /** Rewrites the image with the last state saved (a clean exit leaves one file to read), and closes the journal. */
    @Override
    public void close() {
        if (saved != null) {
            try {
                writeImage(saved);
            } catch (IOException e) {
                LOG.error("cannot save {}: {}", file.path(), IoCause.of(e));
            }
        }
        file.close();
    }
}
