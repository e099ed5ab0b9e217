package org.opensrc.srcmstr.definitions;

import org.opensrc.srcmstr.registry.Registry;
import org.opensrc.srcmstr.registry.RegistryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The current registry and the one way to change it. Readers take {@link #current()} (an immutable snapshot) without
 * locking; {@link #apply} serialises changes: validate, save to disk, publish the new snapshot, log to the audit
 * logger. A change is durable before anyone sees it.
 */
public final class DefinitionStore {

    /** Logger that records every applied change: who and what. */
    public static final String AUDIT_LOGGER = "org.opensrc.srcmstr.audit";

    private static final Logger AUDIT = LoggerFactory.getLogger(AUDIT_LOGGER);

    private final RegistryStore files;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Registry current;

    /** {@code initial} is what {@code files} last loaded (or an empty registry for a new folder). */
    public DefinitionStore(RegistryStore files, Registry initial) {
        this.files = Objects.requireNonNull(files);
        this.current = Objects.requireNonNull(initial);
    }

    public Registry current() {
        return current;
    }

    /**
     * Applies one operation. A rejection changes nothing; an applied change is on disk before it is published. Throws
     * when the registry files cannot be written, and then the current registry stays as it was.
     *
     * @param who how the audit log names the caller (e.g. "uid=0 pid=42")
     */
    public DefinitionResult apply(Operation operation, String who) throws IOException {
        lock.lock();
        try {
            DefinitionResult result = operation.apply(current);
            switch (result) {
                case DefinitionResult.Applied applied -> {
                    files.save(applied.next());
                    current = applied.next();
                    AUDIT.info("{} {} -> 0513-{}", who, operation, String.format("%03d", applied.code().getNumber()));
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
