package org.opensrc.srcmstr.definitions;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.opensrc.srcmstr.control.Caller;
import org.opensrc.srcmstr.registry.Registry;
import org.opensrc.srcmstr.registry.RegistryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current registry and the one way to change it. Readers take {@link #current()}
 * (an immutable snapshot) without locking; {@link #apply} serialises changes: validate,
 * save to disk, publish the new snapshot, tell the listeners, log to the audit logger.
 * A change is durable before anyone sees it.
 */
public final class DefinitionStore {

    /** Logger that records every applied change: who and what. */
    public static final String AUDIT_LOGGER = "org.opensrc.srcmstr.audit";
    private static final Logger AUDIT = LoggerFactory.getLogger(AUDIT_LOGGER);

    private final RegistryStore files;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Consumer<Registry>> listeners = new CopyOnWriteArrayList<>();
    private volatile Registry current;

    /** {@code initial} is what {@code files} last loaded (or an empty registry for a new folder). */
    public DefinitionStore(RegistryStore files, Registry initial) {
        this.files = Objects.requireNonNull(files);
        this.current = Objects.requireNonNull(initial);
    }

    public Registry current() {
        return current;
    }

    /** Called, under the change lock and in change order, with each new registry. */
    public void addListener(Consumer<Registry> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    /**
     * Applies one operation. A rejection changes nothing; an applied change is on disk
     * before it is published. Throws when the registry files cannot be written, and then
     * the current registry stays as it was.
     */
    public DefinitionResult apply(Operation operation) throws IOException {
        lock.lock();
        try {
            DefinitionResult result = operation.apply(current);
            switch (result) {
                case DefinitionResult.Applied applied -> {
                    files.save(applied.next());
                    current = applied.next();
                    AUDIT.info("{} {} -> 0513-{}", Caller.current().describe(), operation,
                            String.format("%03d", applied.code().getNumber()));
                    for (Consumer<Registry> listener : listeners) {
                        listener.accept(applied.next());
                    }
                }
                case DefinitionResult.Rejected rejected -> {
                    // Nothing changes; the caller reports the refusal.
                }
            }
            return result;
        } finally {
            lock.unlock();
        }
    }
}
