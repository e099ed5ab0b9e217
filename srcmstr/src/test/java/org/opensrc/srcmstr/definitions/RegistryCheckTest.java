package org.opensrc.srcmstr.definitions;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opensrc.srcmstr.registry.Defs;
import org.opensrc.srcmstr.registry.NotifyDef;
import org.opensrc.srcmstr.registry.Registry;
import org.opensrc.srcmstr.registry.RegistryFileException;
import org.opensrc.srcmstr.registry.SubserverDef;

import java.nio.file.Path;
import java.util.List;

class RegistryCheckTest {

    private static final Path DIR = Path.of("/etc/src");

    @Test
    void aValidRegistryPasses() throws Exception {
        RegistryCheck.verify(
                new Registry(
                        List.of(Defs.subsystem("inetd").group("tcpip").build()),
                        List.of(new SubserverDef("ftp", "inetd", 21)),
                        List.of(new NotifyDef("tcpip", "/bin/true"))),
                DIR);
    }

    @Test
    void aHandEditedDuplicateIsRefusedNamingFileAndObject() {
        var e =
                assertThrows(
                        RegistryFileException.class,
                        () ->
                                RegistryCheck.verify(
                                        new Registry(
                                                List.of(Defs.subsystem("sshd").build(), Defs.subsystem("sshd").build()),
                                                List.of(),
                                                List.of()),
                                        DIR));
        assertTrue(e.getMessage().startsWith("/etc/src/SRCsubsys.json: objects[1]: 0513-075"), e.getMessage());
    }

    @Test
    void aNameThatWouldEscapeTheLogFolderIsRefused() {
        var e =
                assertThrows(
                        RegistryFileException.class,
                        () ->
                                RegistryCheck.verify(
                                        new Registry(
                                                List.of(Defs.subsystem("../../../x").path("/bin/true").build()),
                                                List.of(),
                                                List.of()),
                                        DIR));
        assertTrue(e.getMessage().contains("objects[0]") && e.getMessage().contains("subsysname"), e.getMessage());
    }

    @Test
    void anOutOfRangeUidInTheFileIsRefused() {
        Defs d = Defs.subsystem("x");
        d.uid = 4294967295L;
        var e =
                assertThrows(
                        RegistryFileException.class,
                        () -> RegistryCheck.verify(new Registry(List.of(d.build()), List.of(), List.of()), DIR));
        assertTrue(e.getMessage().contains("uid: 4294967295 is out of range"), e.getMessage());
    }

    @Test
    void aSubserverOfAMissingSubsystemIsRefusedInItsOwnFile() {
        var e =
                assertThrows(
                        RegistryFileException.class,
                        () ->
                                RegistryCheck.verify(
                                        new Registry(
                                                List.of(), List.of(new SubserverDef("ftp", "inetd", 21)), List.of()),
                                        DIR));
        assertTrue(e.getMessage().startsWith("/etc/src/SRCsubsvr.json: objects[0]: 0513-062"), e.getMessage());
    }
}
