package org.opensrc.srcmstr.definitions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensrc.srcmstr.registry.Defs;
import org.opensrc.srcmstr.registry.Registry;
import org.opensrc.srcmstr.registry.RegistryFileException;
import org.opensrc.srcmstr.registry.RegistryStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class DefinitionStoreTest {

    @TempDir Path dir;

    @Test
    void appliedChangesAreSavedAndPublishedInOrder() throws Exception {
        RegistryStore files = new RegistryStore(dir);
        DefinitionStore store = new DefinitionStore(files, files.load());
        store.apply(new Operation.AddSubsystem(Defs.subsystem("a").build()), "uid=0 pid=1");
        Registry afterFirst = store.current();
        store.apply(new Operation.AddSubsystem(Defs.subsystem("b").build()), "uid=0 pid=1");
        assertEquals(1, afterFirst.subsystems().size());
        assertEquals(2, store.current().subsystems().size());
        assertEquals(store.current(), new RegistryStore(dir).load());
    }

    @Test
    void rejectionChangesNothingOnDiskOrInMemory() throws Exception {
        RegistryStore files = new RegistryStore(dir);
        DefinitionStore store = new DefinitionStore(files, files.load());
        assertInstanceOf(
                DefinitionResult.Rejected.class, store.apply(new Operation.RemoveSubsystem("nope"), "uid=0 pid=1"));
        assertEquals(Registry.EMPTY, store.current());
        assertEquals(Registry.EMPTY, new RegistryStore(dir).load());
    }

    @Test
    void failedSaveKeepsTheCurrentRegistry() throws Exception {
        RegistryStore files = new RegistryStore(dir);
        DefinitionStore store = new DefinitionStore(files, files.load());
        Files.createDirectory(dir.resolve("SRCsubsys.json.new"));
        assertThrows(
                IOException.class,
                () -> store.apply(new Operation.AddSubsystem(Defs.subsystem("a").build()), "uid=0 pid=1"));
        assertEquals(Registry.EMPTY, store.current());
    }

    @Test
    void twoWritersOfOneFolderLoseNoChange() throws Exception {
        DefinitionStore first = DefinitionStore.open(new RegistryStore(dir));
        DefinitionStore second = DefinitionStore.open(new RegistryStore(dir));
        int each = 40;
        try (ExecutorService writers = Executors.newFixedThreadPool(2)) {
            List<Future<?>> done = new ArrayList<>();
            for (String prefix : List.of("a", "b")) {
                DefinitionStore store = prefix.equals("a") ? first : second;
                done.add(
                        writers.submit(
                                () -> {
                                    for (int i = 0; i < each; i++) {
                                        var op = new Operation.AddSubsystem(Defs.subsystem(prefix + i).build());
                                        assertInstanceOf(DefinitionResult.Applied.class, store.apply(op, "test"));
                                    }
                                    return null;
                                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertEquals(2 * each, new RegistryStore(dir).load().subsystems().size());
        assertEquals(2 * each, first.current().subsystems().size());
        assertEquals(2 * each, second.current().subsystems().size());
    }

    @Test
    void aChangeMadeByAnotherWriterIsSeenAtTheNextRead() throws Exception {
        DefinitionStore running = DefinitionStore.open(new RegistryStore(dir));
        DefinitionStore command = DefinitionStore.open(new RegistryStore(dir));
        command.apply(new Operation.AddSubsystem(Defs.subsystem("made-meanwhile").build()), "uid=0 pid=2");
        assertTrue(running.current().subsystem("made-meanwhile").isPresent());
    }

    @Test
    void aRegistryFileBrokenOnDiskKeepsTheLastGoodOneAndRefusesChanges() throws Exception {
        DefinitionStore store = DefinitionStore.open(new RegistryStore(dir));
        store.apply(new Operation.AddSubsystem(Defs.subsystem("a").build()), "uid=0 pid=1");
        Path file = dir.resolve("SRCsubsys.json");
        Files.writeString(file, "{ not json");
        assertTrue(store.current().subsystem("a").isPresent());
        var e =
                assertThrows(
                        RegistryFileException.class,
                        () -> store.apply(new Operation.AddSubsystem(Defs.subsystem("b").build()), "uid=0 pid=1"));
        assertTrue(e.getMessage().contains("SRCsubsys.json"), e.getMessage());
        assertEquals("{ not json", Files.readString(file));
    }

    @Test
    void onlyTheOwnerOfTheRegistryCanOpenItsLockFile() throws Exception {
        DefinitionStore store = DefinitionStore.open(new RegistryStore(dir));
        store.apply(new Operation.AddSubsystem(Defs.subsystem("a").build()), "uid=0 pid=1");
        assertEquals(
                PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(dir.resolve(RegistryStore.LOCK_FILE)));
    }

    @Test
    void auditTextOfAChangeNamesOnlyTheChangedFields() {
        var op = new Operation.ChangeSubsystem("sshd", Defs.subsystem("x").group("tcpip").build(), Set.of("grpname"));
        assertEquals("ChangeSubsystem[sshd: grpname=tcpip]", op.toString());
    }
}
