package org.opensrc.srcmstr.registry;

import com.fasterxml.jackson.core.JsonGenerator;

import org.opensrc.srcmstr.durable.JsonFields;
import org.opensrc.srcmstr.durable.JsonIn;
import org.opensrc.srcmstr.durable.JsonOut;
import org.opensrc.srcmstr.durable.JsonProblem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The JSON form of the three object classes: each file is {@code {"version":1,"objects":[...]}} with the ODM field
 * names ({@link DefinitionJson}). Reading is strict ({@link JsonIn}): unknown fields, missing fields, nulls, numbers
 * for enums and text for numbers are refused with the file, the field and the line named.
 */
public class RegistryCodec {

    /** The file format version this codec reads and writes. */
    public static final int VERSION = 1;

    private static final List<String> FILE = List.of("version", "objects");

    /** Reads one object class from the bytes of {@code file}. */
    public List<?> read(ObjectClass objectClass, Path file, byte[] bytes) throws RegistryFileException {
        JsonIn.ValueReader<?> element =
                switch (objectClass) {
                    case SUBSYS -> DefinitionJson::readSubsystem;
                    case SUBSVR -> DefinitionJson::readSubserver;
                    case NOTIFY -> DefinitionJson::readNotify;
                };
        JsonFields read;
        try {
            read =
                    JsonIn.document(
                            bytes,
                            in ->
                                    in.object(
                                            FILE,
                                            (field, value) ->
                                                    field.equals("version") ? value.intValue() : value.array(element)));
        } catch (JsonProblem e) {
            throw new RegistryFileException(file, e.getMessage(), e);
        }
        int version = read.intValue("version");
        if (version != VERSION) {
            throw new RegistryFileException(file, "field version: unsupported version " + version);
        }
        return read.list("objects");
    }

    /** Reads a whole registry from the bytes of the three files (null bytes: file absent). */
    public Registry read(Path dir, byte[] subsys, byte[] subsvr, byte[] notify) throws RegistryFileException {
        List<?> s =
                subsys == null
                        ? List.of()
                        : read(ObjectClass.SUBSYS, dir.resolve(ObjectClass.SUBSYS.fileName()), subsys);
        List<?> v =
                subsvr == null
                        ? List.of()
                        : read(ObjectClass.SUBSVR, dir.resolve(ObjectClass.SUBSVR.fileName()), subsvr);
        List<?> n =
                notify == null
                        ? List.of()
                        : read(ObjectClass.NOTIFY, dir.resolve(ObjectClass.NOTIFY.fileName()), notify);
        return new Registry(cast(s, SubsystemDef.class), cast(v, SubserverDef.class), cast(n, NotifyDef.class));
    }

    /** The file content for this class's objects in {@code registry}: indented, two spaces a level. */
    public byte[] encode(ObjectClass objectClass, Registry registry) {
        return JsonOut.bytes(
                true,
                out -> {
                    out.writeStartObject();
                    out.writeNumberField("version", VERSION);
                    out.writeArrayFieldStart("objects");
                    for (Object o : objectClass.objectsOf(registry)) {
                        write(out, o);
                    }
                    out.writeEndArray();
                    out.writeEndObject();
                });
    }

    private static void write(JsonGenerator out, Object definition) throws IOException {
        switch (definition) {
            case SubsystemDef s -> DefinitionJson.write(out, s);
            case SubserverDef s -> DefinitionJson.write(out, s);
            case NotifyDef n -> DefinitionJson.write(out, n);
            default -> throw new IllegalArgumentException("not a registry object: " + definition.getClass());
        }
    }

    private static <T> List<T> cast(List<?> list, Class<T> type) {
        return list.stream().map(type::cast).toList();
    }
}
