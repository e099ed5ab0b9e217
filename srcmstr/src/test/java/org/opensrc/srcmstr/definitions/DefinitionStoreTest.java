package org.opensrc.srcmstr.definitions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensrc.srcmstr.registry.Defs;
import org.opensrc.srcmstr.registry.Registry;
import org.opensrc.srcmstr.registry.RegistryStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

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
    void auditTextOfAChangeNamesOnlyTheChangedFields() {
        var op = new Operation.ChangeSubsystem("sshd", Defs.subsystem("x").group("tcpip").build(), Set.of("grpname"));
        assertEquals("ChangeSubsystem[sshd: grpname=tcpip]", op.toString());
    }
}
