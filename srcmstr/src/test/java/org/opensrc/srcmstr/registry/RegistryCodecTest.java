package org.opensrc.srcmstr.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

class RegistryCodecTest {

    final RegistryCodec codec = new RegistryCodec();
    final Path dir = Path.of("/etc/src");

    static Registry sample() {
        SubsystemDef sshd =
                Defs.subsystem("sshd").cmdargs("-D").signals("SIGTERM", "SIGKILL").respawn().group("tcpip").build();
        SubsystemDef inetd =
                new SubsystemDef(
                        "inetd",
                        "superd",
                        "",
                        "/usr/sbin/inetd",
                        0,
                        0,
                        "/dev/null",
                        "/var/log/inetd.out",
                        "/dev/console",
                        SubsystemDef.Action.RESPAWN,
                        true,
                        SubsystemDef.Contact.SOCKET,
                        0,
                        0,
                        10,
                        "",
                        "",
                        false,
                        5,
                        "tcpip",
                        new SubsystemDef.Extensions(true, 100, 5000, true, true));
        return new Registry(
                List.of(sshd, inetd),
                List.of(new SubserverDef("ftp", "inetd", 21)),
                List.of(new NotifyDef("tcpip", "/usr/bin/page-oncall")));
    }

    Registry roundTrip(Registry r) throws RegistryFileException {
        return codec.read(
                dir,
                codec.encode(ObjectClass.SUBSYS, r),
                codec.encode(ObjectClass.SUBSVR, r),
                codec.encode(ObjectClass.NOTIFY, r));
    }

    @Test
    void roundTripKeepsEveryFieldAndTheOrder() throws Exception {
        assertEquals(sample(), roundTrip(sample()));
    }

    @Test
    void filesUseOdmFieldNamesAndAVersion() {
        String subsvr = new String(codec.encode(ObjectClass.SUBSVR, sample()), UTF_8);
        assertTrue(subsvr.contains("\"version\" : 1"), subsvr);
        assertTrue(subsvr.contains("\"sub_type\" : \"ftp\""), subsvr);
        assertTrue(subsvr.contains("\"sub_code\" : 21"), subsvr);
        String subsys = new String(codec.encode(ObjectClass.SUBSYS, sample()), UTF_8);
        assertTrue(subsys.contains("\"signorm\" : \"SIGTERM\""), subsys);
        assertTrue(subsys.contains("\"backoff_initial_ms\" : 100"), subsys);
    }

    @Test
    void absentFilesAreEmptyClasses() throws Exception {
        assertEquals(Registry.EMPTY, codec.read(dir, null, null, null));
    }

    RegistryFileException readBroken(ObjectClass c, String json) {
        return assertThrows(
                RegistryFileException.class, () -> codec.read(c, dir.resolve(c.fileName()), json.getBytes(UTF_8)));
    }

    @Test
    void unknownFieldIsRefusedNamingFileFieldAndLine() {
        String json =
                "{\"version\":1,\"objects\":[\n{\"notifyname\":\"a\",\n\"notifymethod\":\"/b\",\n\"colour\":\"red\"}]}";
        RegistryFileException e = readBroken(ObjectClass.NOTIFY, json);
        assertEquals(Path.of("/etc/src/SRCnotify.json"), e.file());
        assertTrue(e.detail().contains("objects[0].colour"), e.detail());
        assertTrue(e.detail().contains("unknown field 'colour'"), e.detail());
        assertTrue(e.detail().contains("line 4"), e.detail());
        assertTrue(e.getMessage().startsWith("/etc/src/SRCnotify.json: "), e.getMessage());
    }

    @Test
    void badEnumValueIsRefusedNamingFileAndField() {
        String good = new String(codec.encode(ObjectClass.SUBSYS, sample()), UTF_8);
        RegistryFileException e = readBroken(ObjectClass.SUBSYS, good.replaceFirst("\"RESPAWN\"", "\"SOMETIMES\""));
        assertEquals(Path.of("/etc/src/SRCsubsys.json"), e.file());
        assertTrue(e.detail().contains("field objects[0].action"), e.detail());
        assertTrue(e.detail().contains("SOMETIMES"), e.detail());
        assertTrue(e.detail().contains("RESPAWN, ONCE"), e.detail());
    }

    @Test
    void badSignalNameIsRefusedNamingTheField() {
        String good = new String(codec.encode(ObjectClass.SUBSYS, sample()), UTF_8);
        RegistryFileException e = readBroken(ObjectClass.SUBSYS, good.replaceFirst("\"SIGKILL\"", "\"9\""));
        assertTrue(e.detail().contains("sigforce"), e.detail());
    }

    @Test
    void missingFieldWrongTypeAndNullAreRefused() {
        assertTrue(
                readBroken(ObjectClass.NOTIFY, "{\"version\":1,\"objects\":[{\"notifyname\":\"a\"}]}")
                        .detail()
                        .contains("notifymethod"));
        assertTrue(
                readBroken(
                                ObjectClass.SUBSVR,
                                "{\"version\":1,\"objects\":[{\"sub_type\":\"a\",\"subsysname\":\"b\",\"sub_code\":\"21\"}]}")
                        .detail()
                        .contains("objects[0].sub_code"));
        assertTrue(
                readBroken(
                                ObjectClass.NOTIFY,
                                "{\"version\":1,\"objects\":[{\"notifyname\":null,\"notifymethod\":\"/b\"}]}")
                        .detail()
                        .contains("notifyname"));
    }

    @Test
    void otherVersionsAndBrokenJsonAreRefused() {
        assertTrue(readBroken(ObjectClass.NOTIFY, "{\"version\":2,\"objects\":[]}").detail().contains("version"));
        assertTrue(readBroken(ObjectClass.NOTIFY, "{\"version\":1,\"objects\":[").detail().contains("line 1"));
    }
}
