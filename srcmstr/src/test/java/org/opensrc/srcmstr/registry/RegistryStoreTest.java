package org.opensrc.srcmstr.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

class RegistryStoreTest {

    @TempDir Path dir;

    final Registry sample = RegistryCodecTest.sample();

    Registry withExtraNotify(Registry r) {
        return r.withNotifies(List.of(new NotifyDef("tcpip", "/usr/bin/page-oncall"), new NotifyDef("sshd", "/bin/n")));
    }

    @Test
    void emptyFolderLoadsAsEmptyRegistry() throws Exception {
        assertEquals(Registry.EMPTY, new RegistryStore(dir.resolve("none")).load());
    }

    @Test
    void savedRegistryLoadsBackEqual() throws Exception {
        RegistryStore store = new RegistryStore(dir);
        store.load();
        store.save(sample);
        assertEquals(sample, new RegistryStore(dir).load());
    }

    @Test
    void saveWritesOnlyTheClassesThatChanged() throws Exception {
        RegistryStore store = new RegistryStore(dir);
        store.load();
        store.save(sample);
        Path subsys = dir.resolve("SRCsubsys.json");
        Files.writeString(subsys, Files.readString(subsys) + " "); // a marker the store must not overwrite
        byte[] marked = Files.readAllBytes(subsys);
        store.save(withExtraNotify(sample));
        assertArrayEquals(marked, Files.readAllBytes(subsys));
        assertEquals(2, new RegistryStore(dir).load().notifies().size());
    }

    @Test
    void failingEncoderLeavesOldFileByteIdentical() throws Exception {
        RegistryStore good = new RegistryStore(dir);
        good.load();
        good.save(sample);
        byte[] before = Files.readAllBytes(dir.resolve("SRCnotify.json"));
        RegistryStore failing =
                new RegistryStore(
                        dir,
                        new RegistryCodec() {
                            @Override
                            public byte[] encode(ObjectClass objectClass, Registry registry) {
                                throw new IllegalStateException("serialization broke");
                            }
                        });
        failing.load();
        assertThrows(IllegalStateException.class, () -> failing.save(withExtraNotify(sample)));
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("SRCnotify.json")));
        assertFalse(Files.exists(dir.resolve("SRCnotify.json.new")));
    }

    @Test
    void failingWriteLeavesOldFileByteIdentical() throws Exception {
        RegistryStore store = new RegistryStore(dir);
        store.load();
        store.save(sample);
        byte[] before = Files.readAllBytes(dir.resolve("SRCnotify.json"));
        Files.createDirectory(dir.resolve("SRCnotify.json.new")); // the temporary file cannot be created
        assertThrows(IOException.class, () -> store.save(withExtraNotify(sample)));
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("SRCnotify.json")));
    }

    @Test
    void readOnlyFolderFailsTheSaveAndKeepsTheOldFile() throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root ignores permissions");
        RegistryStore store = new RegistryStore(dir);
        store.load();
        store.save(sample);
        byte[] before = Files.readAllBytes(dir.resolve("SRCnotify.json"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThrows(IOException.class, () -> store.save(withExtraNotify(sample)));
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("SRCnotify.json")));
    }

    @Test
    void leftoverNewFileFromACrashIsIgnoredAndRemovedOnLoad() throws Exception {
        RegistryStore store = new RegistryStore(dir);
        store.load();
        store.save(sample);
        Files.writeString(dir.resolve("SRCsubsys.json.new"), "{\"version\":1,\"obj"); // torn write before rename
        assertEquals(sample, new RegistryStore(dir).load());
        assertFalse(Files.exists(dir.resolve("SRCsubsys.json.new")));
    }

    @Test
    void brokenFileIsReportedAndNeverReset() throws Exception {
        Files.writeString(dir.resolve("SRCsubsvr.json"), "{\"version\":1,\"objects\":[{\"sub_type\":1}]}");
        byte[] before = Files.readAllBytes(dir.resolve("SRCsubsvr.json"));
        RegistryFileException e = assertThrows(RegistryFileException.class, () -> new RegistryStore(dir).load());
        assertEquals(dir.resolve("SRCsubsvr.json"), e.file());
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("SRCsubsvr.json")));
    }
}
