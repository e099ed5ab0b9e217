package org.opensrc.srcmstr.definitions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensrc.srcmstr.registry.Defs;
import org.opensrc.srcmstr.registry.Registry;
import org.opensrc.srcmstr.registry.RegistryStore;

class DefinitionStoreTest {

    @TempDir
    Path dir;

    @Test
    void appliedChangeIsSavedPublishedAndHeardByListenersInOrder() throws Exception {
        RegistryStore files = new RegistryStore(dir);
        DefinitionStore store = new DefinitionStore(files, files.load());
        List<Registry> heard = new ArrayList<>();
        store.addListener(heard::add);
        store.apply(new Operation.AddSubsystem(Defs.subsystem("a").build()));
        store.apply(new Operation.AddSubsystem(Defs.subsystem("b").build()));
        assertEquals(2, heard.size());
        assertSame(store.current(), heard.get(1));
        assertEquals(store.current(), new RegistryStore(dir).load());
    }

    @Test
    void rejectionChangesNothingAndTellsNoOne() throws Exception {
        RegistryStore files = new RegistryStore(dir);
        DefinitionStore store = new DefinitionStore(files, files.load());
        List<Registry> heard = new ArrayList<>();
        store.addListener(heard::add);
        assertInstanceOf(DefinitionResult.Rejected.class, store.apply(new Operation.RemoveSubsystem("nope")));
        assertTrue(heard.isEmpty());
        assertEquals(Registry.EMPTY, store.current());
    }

    @Test
    void failedSaveKeepsTheCurrentRegistry() throws Exception {
        RegistryStore files = new RegistryStore(dir);
        DefinitionStore store = new DefinitionStore(files, files.load());
        Files.createDirectory(dir.resolve("SRCsubsys.json.new"));
        assertThrows(IOException.class, () -> store.apply(new Operation.AddSubsystem(Defs.subsystem("a").build())));
        assertEquals(Registry.EMPTY, store.current());
    }

    @Test
    void auditTextOfAChangeNamesOnlyTheChangedFields() {
        var op = new Operation.ChangeSubsystem("sshd", Defs.subsystem("x").group("tcpip").build(), Set.of("grpname"));
        assertEquals("ChangeSubsystem[sshd: grpname=tcpip]", op.toString());
    }
}
