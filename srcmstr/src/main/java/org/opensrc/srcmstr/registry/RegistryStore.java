package org.opensrc.srcmstr.registry;

import org.opensrc.srcmstr.durable.AtomicFiles;

import java.io.IOException;
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
 * write leaves the old file as it was. Not thread-safe: its one user (the definition store) serialises calls.
 */
public final class RegistryStore {

    static final String NEW_SUFFIX = AtomicFiles.NEW_SUFFIX;

    private final Path dir;
    private final RegistryCodec codec;
    private final Map<ObjectClass, List<?>> saved = new EnumMap<>(ObjectClass.class);

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

    /**
     * Reads the three files (a missing file is an empty class). A {@code X.json.new} left by a crash before its rename
     * is deleted: the old file is the truth.
     */
    public Registry load() throws RegistryFileException {
        byte[][] content = new byte[ObjectClass.values().length][];
        for (ObjectClass c : ObjectClass.values()) {
            Path file = dir.resolve(c.fileName());
            try {
                AtomicFiles.discardLeftover(file);
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
        return registry;
    }

    /** Writes the classes of {@code next} that differ from what was last loaded or saved. */
    public void save(Registry next) throws IOException {
        for (ObjectClass c : ObjectClass.values()) {
            List<?> objects = c.objectsOf(next);
            if (objects.equals(saved.get(c)) || (objects.isEmpty() && !saved.containsKey(c))) {
                continue;
            }
            write(dir.resolve(c.fileName()), codec.encode(c, next));
            saved.put(c, objects);
        }
    }

    private void write(Path file, byte[] bytes) throws IOException {
        AtomicFiles.write(file, bytes, AtomicFiles.PUBLIC);
    }
}
