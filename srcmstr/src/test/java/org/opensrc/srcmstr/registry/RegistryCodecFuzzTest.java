package org.opensrc.srcmstr.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.file.Path;
import java.util.List;

/**
 * Fuzzes the reader of the registry files (SRCsubsys, SRCsubsvr, SRCnotify JSON): any bytes either read as objects or
 * are refused with a {@link RegistryFileException} naming the file, and whatever was read writes back to the same
 * objects. The last input byte picks the object class; the rest is the file.
 */
class RegistryCodecFuzzTest {

    private static final Path DIR = Path.of("/etc/src");
    private final RegistryCodec codec = new RegistryCodec();

    @FuzzTest(maxDuration = "10s")
    void readsOrRefusesNamingTheFileAndWritesBackTheSameObjects(FuzzedDataProvider data) throws Exception {
        ObjectClass objectClass = data.pickValue(ObjectClass.values());
        Path file = DIR.resolve(objectClass.fileName());
        byte[] bytes = data.consumeRemainingAsBytes();
        List<?> objects;
        try {
            objects = codec.read(objectClass, file, bytes);
        } catch (RegistryFileException e) {
            assertEquals(file, e.file());
            assertFalse(e.detail().isBlank(), "the refusal says what is wrong");
            return;
        }
        Registry read =
                switch (objectClass) {
                    case SUBSYS ->
                            Registry.EMPTY.withSubsystems(objects.stream().map(SubsystemDef.class::cast).toList());
                    case SUBSVR ->
                            Registry.EMPTY.withSubservers(objects.stream().map(SubserverDef.class::cast).toList());
                    case NOTIFY -> Registry.EMPTY.withNotifies(objects.stream().map(NotifyDef.class::cast).toList());
                };
        assertEquals(objects, codec.read(objectClass, file, codec.encode(objectClass, read)));
    }
}
