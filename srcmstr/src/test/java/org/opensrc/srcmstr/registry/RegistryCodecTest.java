package org.opensrc.srcmstr.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
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

    /** A sample file written by the ObjectMapper codec this one replaced (test resources). */
    static byte[] sampleFile(ObjectClass c) throws IOException {
        try (InputStream in = RegistryCodecTest.class.getResourceAsStream(c.fileName())) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @EnumSource(ObjectClass.class)
    void aFileWrittenByTheObjectMapperCodecReadsBackAsTheSameObjects(ObjectClass c) throws Exception {
        assertEquals(c.objectsOf(RegistrySamples.registry()), codec.read(c, dir.resolve(c.fileName()), sampleFile(c)));
    }

    @ParameterizedTest
    @EnumSource(ObjectClass.class)
    void theSameObjectsAreWrittenByteForByteAsTheObjectMapperCodecWroteThem(ObjectClass c) throws Exception {
        assertArrayEquals(sampleFile(c), codec.encode(c, RegistrySamples.registry()));
    }

    @Test
    void anEmptyClassIsWrittenAsBefore() {
        assertEquals(
                "{\n  \"version\" : 1,\n  \"objects\" : [ ]\n}",
                new String(codec.encode(ObjectClass.NOTIFY, Registry.EMPTY), UTF_8));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    {"version":1,"objects":[null]}                  | field objects[0]: null is not allowed (line 1, column 25)
                    null                                            | an object expected, not null (line 1, column 1)
                    ``                                              | no JSON value
                    {"version":1,"objects":[]} {}                   | more after the JSON value
                    {"version":1,"objects":[]} x                    | Unrecognized token 'x'
                    /* c */ {"version":1,"objects":[]}              | maybe a (non-standard) comment?
                    {"version":"1","objects":[]}                    | field version: a number expected, not a string
                    {"version":1,"objects":{}}                      | field objects: an array expected, not an object
                    {"version":1,"objects":[1]}                     | field objects[0]: an object expected, not a number
                    {"objects":[]}                                  | field version: missing
                    {"version":1,"objects":[{"notifyname":{},"notifymethod":"/b"}]} | field objects[0].notifyname: a string expected, not an object
                    {"version":1,"objects":[{"NotifyName":"a","notifymethod":"/b"}]} | field objects[0].NotifyName: unknown field 'NotifyName'
                    {"version":1,"objects":[{"notifyname":"a","notifyname":"b","notifymethod":"/b"}]} | field objects[0].notifyname: given twice (line 1, column 43)
                    {"version":1,"version":1,"objects":[]}          | field version: given twice
                    """)
    void brokenNotifyFilesAreRefusedSayingWhereAndWhat(String json, String detail) {
        RegistryFileException e = readBroken(ObjectClass.NOTIFY, json);
        assertTrue(e.detail().contains(detail), e.detail());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    "21"         | field objects[0].sub_code: a number expected, not a string (line 1, column 69)
                    true         | field objects[0].sub_code: a number expected, not a boolean
                    null         | field objects[0].sub_code: null is not allowed
                    []           | field objects[0].sub_code: a number expected, not an array
                    2147483648   | field objects[0].sub_code: Numeric value (2147483648) out of range of int
                    021          | Leading zeroes not allowed
                    NaN          | Non-standard token 'NaN'
                    """)
    void aSubserverCodeThatIsNoIntIsRefused(String value, String detail) {
        RegistryFileException e =
                readBroken(
                        ObjectClass.SUBSVR,
                        "{\"version\":1,\"objects\":[{\"sub_type\":\"a\",\"subsysname\":\"b\",\"sub_code\":"
                                + value
                                + "}]}");
        assertTrue(e.detail().contains(detail), e.detail());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    21.0  | 21
                    21.5  | 21
                    2.1e1 | 21
                    -0    | 0
                    """)
    void aSubserverCodeWithAFractionIsCutAsTheObjectMapperCodecDid(String value, int code) throws Exception {
        String json =
                "{\"version\":1,\"objects\":[{\"sub_type\":\"a\",\"subsysname\":\"b\",\"sub_code\":" + value + "}]}";
        assertEquals(
                List.of(new SubserverDef("a", "b", code)),
                codec.read(ObjectClass.SUBSVR, dir.resolve("SRCsubsvr.json"), json.getBytes(UTF_8)));
    }

    @Test
    void whatTheObjectMapperCodecAcceptedBesidesIsAcceptedStill() throws Exception {
        Path file = dir.resolve("SRCnotify.json");
        // a number or a boolean as a string's text; a byte order mark
        assertEquals(
                List.of(new NotifyDef("5", "true")),
                codec.read(
                        ObjectClass.NOTIFY,
                        file,
                        "\uFEFF{\"version\":1,\"objects\":[{\"notifyname\":5,\"notifymethod\":true}]}"
                                .getBytes(UTF_8)));
        // UTF-16, as Jackson detects it
        assertEquals(
                RegistrySamples.registry().subsystems(),
                codec.read(
                        ObjectClass.SUBSYS,
                        dir.resolve("SRCsubsys.json"),
                        new String(sampleFile(ObjectClass.SUBSYS), UTF_8)
                                .getBytes(java.nio.charset.StandardCharsets.UTF_16BE)));
    }

    @Test
    void aBooleanThatIsNoBooleanIsRefusedNamingTheField() {
        String good = new String(codec.encode(ObjectClass.SUBSYS, sample()), UTF_8);
        for (String bad : List.of("0", "\"false\"")) {
            RegistryFileException e =
                    readBroken(ObjectClass.SUBSYS, good.replaceFirst("\"multi\" : false", "\"multi\" : " + bad));
            assertTrue(e.detail().startsWith("field objects[0].multi: bad value "), e.detail());
            assertTrue(e.detail().contains("(line 14, column 15)"), e.detail());
        }
    }

    @Test
    void aMissingExtensionsObjectOrFieldIsRefusedNamingIt() {
        String good = new String(codec.encode(ObjectClass.SUBSYS, sample()), UTF_8);
        assertTrue(
                readBroken(ObjectClass.SUBSYS, good.replaceFirst(",\\s*\"extensions\" : \\{[^}]*\\}", ""))
                        .detail()
                        .startsWith("field objects[0].extensions: missing"));
        assertTrue(
                readBroken(ObjectClass.SUBSYS, good.replaceFirst(",\\s*\"readiness\" : false", ""))
                        .detail()
                        .startsWith("field objects[0].extensions.readiness: missing"));
    }
}
