package org.opensrc.srcmstr.durable;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * One JSON value written with jackson-core's streaming generator, as the bytes of a file or of one line, or as text.
 */
public final class JsonOut {

    /** Writes one value. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator out) throws IOException;
    }

    private JsonOut() {}

    /**
     * The UTF-8 bytes of the value {@code body} writes: indented two spaces a level, {@code "name" : value}, as
     * ObjectMapper's INDENT_OUTPUT wrote srcmstr's files, or else all on one line; no line end after it.
     */
    public static byte[] bytes(boolean indented, Body body) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
        try (JsonGenerator out = JsonIn.FACTORY.createGenerator(buffer, JsonEncoding.UTF8)) {
            if (indented) {
                out.setPrettyPrinter(new DefaultPrettyPrinter());
            }
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON to memory", e); // none is thrown: no file, no limit
        }
        return buffer.toByteArray();
    }

    /** The value {@code body} writes, on one line, as text (characters beyond the BMP as they are, not escaped). */
    public static String text(Body body) {
        StringWriter text = new StringWriter(1024);
        try (JsonGenerator out = JsonIn.FACTORY.createGenerator(text)) {
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON to memory", e); // none is thrown: no file, no limit
        }
        return text.toString();
    }
}
