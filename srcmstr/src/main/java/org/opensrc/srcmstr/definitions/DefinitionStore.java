package org.opensrc.srcmstr.definitions;

import org.opensrc.libsrc.posix.LockFile;
import org.opensrc.libsrc.posix.PosixException;
import org.opensrc.srcmstr.registry.Registry;
import org.opensrc.srcmstr.registry.RegistryFileException;
import org.opensrc.srcmstr.registry.RegistryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The current registry and the one way to change it, shared by srcmstr and by the definition commands run while srcmstr
 * does not answer (as AIX's commands edit the ODM). Readers take {@link #current()} (an immutable snapshot); {@link
 * #apply} serialises changes, in this process and across processes through the registry's lock file: lock, read again
 * whatever another writer changed, validate, save to disk, publish the new snapshot, log to the audit logger. A change
 * is durable before anyone sees it, and no writer's change is lost to another's.
 */
public final class DefinitionStore {

    /** Logger that records every applied change: who and what. */
    public static final String AUDIT_LOGGER = "org.opensrc.srcmstr.audit";

    private static final Logger AUDIT = LoggerFactory.getLogger(AUDIT_LOGGER);
    private static final Logger LOG = LoggerFactory.getLogger(DefinitionStore.class);

    private final RegistryStore files;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Registry current;
    private String lastProblem = "";
    private volatile Consumer<Registry> published = r -> {};

    /** {@code initial} is what {@code files} last loaded (or an empty registry for a new folder). */
    public DefinitionStore(RegistryStore files, Registry initial) {
        this.files = Objects.requireNonNull(files);
        this.current = Objects.requireNonNull(initial);
    }

    /**
     * A store over {@code files}, read under a shared lock (without one when this user may not open the lock file: each
     * file is replaced atomically) and checked as srcmstr checks it at start.
     */
    public static DefinitionStore open(RegistryStore files) throws RegistryFileException {
        return new DefinitionStore(files, read(files));
    }

    /**
     * Calls {@code listener} with each registry published from now on (a change applied here, or files replaced on disk
     * and read again), under this store's lock, in order: it must only hand the registry on (enqueue), never wait.
     */
    public void onChange(Consumer<Registry> listener) {
        this.published = Objects.requireNonNull(listener, "listener");
    }

    /**
     * The registry as it is now. A file replaced by another writer since the last read is read again first; a file that
     * cannot be read then leaves the last good registry in place (it is logged, and refused by {@link #apply}).
     */
    public Registry current() {
        if (files.changedOnDisk()) {
            lock.lock();
            try {
                if (files.changedOnDisk()) {
                    current = read(files);
                    published.accept(current);
                    lastProblem = "";
                    LOG.info("the registry files changed on disk; read them again");
                }
            } catch (RegistryFileException e) {
                if (!e.getMessage().equals(lastProblem)) {
                    lastProblem = e.getMessage();
                    LOG.warn("the registry files changed on disk and cannot be read; the last good one stays: {}", e);
                }
            } finally {
                lock.unlock();
            }
        }
        return current;
    }

    /**
     * Applies one operation. A rejection changes nothing; an applied change is on disk before it is published. Throws
     * when the registry files cannot be written, or were changed on disk into something that cannot be read, and then
     * the registry stays as it was.
     *
     * @param who how the audit log names the caller (e.g. "uid=0 pid=42")
     */
    @SuppressWarnings("try") // the lock is held for the body and released at its end
    public DefinitionResult apply(Operation operation, String who) throws IOException, RegistryFileException {
        lock.lock();
        try (LockFile held = exclusiveLock()) {
            if (files.changedOnDisk()) {
                current = readHeld(files);
                published.accept(current);
            }
            DefinitionResult result = operation.apply(current);
            switch (result) {
                case DefinitionResult.Applied applied -> {
                    files.save(applied.next());
                    current = applied.next();
                    published.accept(current);
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

    private LockFile exclusiveLock() throws IOException {
        Files.createDirectories(files.dir());
        try {
            return LockFile.exclusive(files.lockFile());
        } catch (PosixException e) {
            throw new IOException("cannot lock " + files.lockFile() + ": " + e.getMessage(), e);
        }
    }

    private static Registry read(RegistryStore files) throws RegistryFileException {
        Optional<LockFile> shared;
        try {
            shared = LockFile.shared(files.lockFile());
        } catch (PosixException e) {
            throw new RegistryFileException(files.lockFile(), "cannot lock: " + e.getMessage(), e);
        }
        try {
            return readHeld(files);
        } finally {
            shared.ifPresent(LockFile::close);
        }
    }

    /** Reads the files while this process holds the lock (a second lock of ours would wait for the first). */
    private static Registry readHeld(RegistryStore files) throws RegistryFileException {
        Registry registry = files.load();
        RegistryCheck.verify(registry, files.dir());
        return registry;
    }
}
