package org.opensrc.srcmstr.registry;

import org.opensrc.srcmstr.durable.AtomicFiles;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The registry folder on disk. {@link #save} writes only the object classes that changed since the last load or save,
 * each atomically and durably: {@code X.json.new}, fsync, rename over {@code X.json}, fsync of the folder. A failed
 * write leaves the old file as it was. {@link #changedOnDisk()} tells whether another writer (a definition command run
 * while srcmstr did not answer) replaced a file since. Writers hold {@link #lockFile()} (see {@link
 * org.opensrc.libsrc.posix.LockFile}). Not thread-safe, except {@link #changedOnDisk()}: its one user (the definition
 * store) serialises the other calls.
 */
public final class RegistryStore {

    static final String NEW_SUFFIX = AtomicFiles.NEW_SUFFIX;

    private final Path dir;
    private final RegistryCodec codec;
    private final Map<ObjectClass, List<?>> saved = new EnumMap<>(ObjectClass.class);

    /** The identity of each file as last loaded or saved; empty before the first load. */
    private volatile Map<ObjectClass, FileIdentity> known = Map.of();

    public RegistryStore(Path dir, RegistryCodec codec) {
        this.dir = Objects.requireNonNull(dir);
        this.codec = Objects.requireNonNull(codec);
    }

    public RegistryStore(Path dir) {
        this(dir, new RegistryCodec());
    }

    public Path dir() {
        return dir;
    }

    /** The file every writer of this folder locks: srcmstr and the definition commands run without it. */
    public Path lockFile() {
        return dir.resolve(LOCK_FILE);
    }

    /** The name of {@link #lockFile()}. */
    public static final String LOCK_FILE = "SRC.lock";

    /**
     * Whether a file was replaced, created or removed since the last {@link #load} or {@link #save} (true before the
     * first load). Safe to call from any thread.
     */
    public boolean changedOnDisk() {
        Map<ObjectClass, FileIdentity> last = known;
        if (last.isEmpty()) {
            return true;
        }
        try {
            return !onDisk().equals(last);
        } catch (IOException e) {
            return true;
        }
    }

    private Map<ObjectClass, FileIdentity> onDisk() throws IOException {
        Map<ObjectClass, FileIdentity> now = new EnumMap<>(ObjectClass.class);
        for (ObjectClass c : ObjectClass.values()) {
            now.put(c, FileIdentity.of(dir.resolve(c.fileName())));
        }
        return now;
    }

    /**
     * Reads the three files (a missing file is an empty class). A {@code X.json.new} left by a crash before its rename
     * is deleted: the old file is the truth.
     */
    public Registry load() throws RegistryFileException {
        byte[][] content = new byte[ObjectClass.values().length][];
        Map<ObjectClass, FileIdentity> identities = new EnumMap<>(ObjectClass.class);
        for (ObjectClass c : ObjectClass.values()) {
            Path file = dir.resolve(c.fileName());
            try {
                discardLeftover(file);
                // Before the read: a file replaced after it shows as a change at the next check.
                identities.put(c, FileIdentity.of(file));
                content[c.ordinal()] = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                content[c.ordinal()] = null;
            } catch (IOException e) {
                throw new RegistryFileException(file, "cannot read: " + e, e);
            }
        }
        Registry registry = codec.read(dir, content[0], content[1], content[2]);
        for (ObjectClass c : ObjectClass.values()) {
            saved.put(c, c.objectsOf(registry));
        }
        known = Map.copyOf(identities);
        return registry;
    }

    /** Writes the classes of {@code next} that differ from what was last loaded or saved. */
    public void save(Registry next) throws IOException {
        for (ObjectClass c : ObjectClass.values()) {
            List<?> objects = c.objectsOf(next);
            if (objects.equals(saved.get(c)) || (objects.isEmpty() && !saved.containsKey(c))) {
                continue;
            }
            Path file = dir.resolve(c.fileName());
            write(file, codec.encode(c, next));
            saved.put(c, objects);
            Map<ObjectClass, FileIdentity> identities = new EnumMap<>(known.isEmpty() ? onDisk() : known);
            identities.put(c, FileIdentity.of(file));
            known = Map.copyOf(identities);
        }
    }

    /**
     * A reader that may not write the folder holds no lock and may see a writer's {@code X.json.new}: it is not garbage
     * then, and not this reader's to remove.
     */
    private static void discardLeftover(Path file) throws IOException {
        try {
            AtomicFiles.discardLeftover(file);
        } catch (AccessDeniedException e) {
            // Not ours to clean up; the old file is still the truth.
        }
    }

    private void write(Path file, byte[] bytes) throws IOException {
        AtomicFiles.write(file, bytes, AtomicFiles.PUBLIC);
    }
}
