package org.opensrc.srcmstr.registry;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The JSON form of the three object classes: each file is {@code {"version":1,"objects":[...]}} with the ODM field
 * names. Reading is strict: unknown fields, missing fields, nulls, numbers for enums and coerced scalars are refused
 * with the file, the field and the line named.
 */
public class RegistryCodec {

    /** The file format version this codec reads and writes. */
    public static final int VERSION = 1;

    /** The layout of one file. */
    record ClassFile<T>(int version, List<T> objects) {}

    private final ObjectMapper mapper =
            JsonMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                    .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .build();

    /** Reads one object class from the bytes of {@code file}. */
    public List<?> read(ObjectClass objectClass, Path file, byte[] bytes) throws RegistryFileException {
        Class<?> element =
                switch (objectClass) {
                    case SUBSYS -> SubsystemDef.class;
                    case SUBSVR -> SubserverDef.class;
                    case NOTIFY -> NotifyDef.class;
                };
        JavaType type = mapper.getTypeFactory().constructParametricType(ClassFile.class, element);
        ClassFile<?> read;
        try {
            read = mapper.readValue(bytes, type);
        } catch (JacksonException e) {
            throw new RegistryFileException(file, describe(e), e);
        } catch (IOException e) {
            throw new RegistryFileException(file, e.getMessage(), e);
        }
        if (read.version() != VERSION) {
            throw new RegistryFileException(file, "field version: unsupported version " + read.version());
        }
        return read.objects();
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

    /** The file content for this class's objects in {@code registry}. */
    public byte[] encode(ObjectClass objectClass, Registry registry) {
        try {
            return mapper.writeValueAsBytes(new ClassFile<>(VERSION, objectClass.objectsOf(registry)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("registry objects must always serialize", e);
        }
    }

    private static <T> List<T> cast(List<?> list, Class<T> type) {
        return list.stream().map(type::cast).toList();
    }

    /** "field objects[2].action: ... (line 9, column 17)". */
    static String describe(JacksonException e) {
        StringBuilder out = new StringBuilder();
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            out.append("field ").append(path(m.getPath())).append(": ");
        }
        out.append(
                switch (e) {
                    case UnrecognizedPropertyException u -> "unknown field '" + u.getPropertyName() + "'";
                    case InvalidFormatException f ->
                            "bad value "
                                    + f.getValue()
                                    + (f.getTargetType() != null && f.getTargetType().isEnum()
                                            ? " (expected one of "
                                                    + Arrays.toString(f.getTargetType().getEnumConstants())
                                                    + ")"
                                            : "");
                    case ValueInstantiationException v ->
                            v.getCause() == null ? v.getOriginalMessage() : v.getCause().getMessage();
                    default -> e.getOriginalMessage();
                });
        JsonLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            out.append(" (line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr()).append(')');
        }
        return out.toString();
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
