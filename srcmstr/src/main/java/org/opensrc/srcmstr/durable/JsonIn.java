package org.opensrc.srcmstr.durable;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One JSON document read value by value with jackson-core's streaming parser, as strictly as srcmstr's files need: an
 * object has exactly the fields asked for (an unknown or a missing one is refused), no value is null unless a map
 * allows it, a number is no text, an enum is one of its names, and nothing follows the document. What a file written by
 * ObjectMapper data binding accepted is accepted still: a string field takes a number or a boolean as its text, an
 * integer field takes a number with a fraction (cut to an integer). A field given twice is refused. Every refusal is a
 * {@link JsonProblem} naming the field ({@code objects[2].action}) and the line and column.
 */
public final class JsonIn {

    /** The factory of every parser and generator of srcmstr's files: Jackson's defaults. */
    public static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** Reads one value. */
    @FunctionalInterface
    public interface ValueReader<T> {
        T read(JsonIn in) throws IOException;
    }

    /** Reads the value of the field named {@code field}. */
    @FunctionalInterface
    public interface FieldReader {
        Object read(String field, JsonIn in) throws IOException;
    }

    private final JsonParser parser;
    private final List<String> path = new ArrayList<>(); // "objects", "[2]", "action"

    private JsonIn(JsonParser parser) {
        this.parser = parser;
    }

    /**
     * Reads the whole of {@code bytes} (UTF-8, or UTF-16/32 as Jackson detects it) as one value.
     *
     * @throws JsonProblem what is wrong, where
     */
    public static <T> T document(byte[] bytes, ValueReader<T> reader) throws JsonProblem {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            JsonIn in = new JsonIn(parser);
            try {
                if (parser.nextToken() == null) {
                    throw in.problem("no JSON value (empty)");
                }
                T value = reader.read(in);
                if (parser.nextToken() != null) {
                    throw in.problem("more after the JSON value: " + parser.currentToken().asString());
                }
                return value;
            } catch (JacksonException e) {
                throw in.problem(e);
            }
        } catch (JsonProblem e) {
            throw e;
        } catch (IOException e) {
            // the decoder's own errors (bytes that are no UTF-8/16/32 text) come before any value
            throw new JsonProblem(String.valueOf(e.getMessage()), e);
        }
    }

    /**
     * Reads an object whose fields are exactly {@code names}, each by {@code reader}; returns their values in the order
     * of {@code names}.
     */
    public JsonFields object(List<String> names, FieldReader reader) throws IOException {
        return object(names, List.of(), reader);
    }

    /**
     * Reads an object whose fields are {@code names}, each by {@code reader}, those of {@code optional} perhaps absent
     * (null then); returns their values in the order of {@code names}.
     */
    public JsonFields object(List<String> names, List<String> optional, FieldReader reader) throws IOException {
        expect(JsonToken.START_OBJECT, "an object");
        Object[] values = new Object[names.size()];
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            path.add(name);
            int field = names.indexOf(name);
            if (field < 0) {
                throw problem("unknown field '" + name + "'");
            }
            if (values[field] != null) {
                throw problem("given twice");
            }
            parser.nextToken();
            if (parser.currentToken() == JsonToken.VALUE_NULL) {
                throw problem("null is not allowed");
            }
            values[field] = reader.read(name, this);
            path.removeLast();
        }
        if (token != JsonToken.END_OBJECT) {
            throw problem("an object does not end");
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null && !optional.contains(names.get(i))) {
                path.add(names.get(i));
                throw problem("missing (every field is required)");
            }
        }
        return new JsonFields(names, values);
    }

    /**
     * Makes the value read from the fields of the object just read, naming that object when its constructor refuses
     * them.
     */
    public <T> T make(Supplier<T> constructor) throws JsonProblem {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw problem(String.valueOf(e.getMessage()));
        }
    }

    /** An array, each element read by {@code element}; no element may be null. */
    public <T> List<T> array(ValueReader<T> element) throws IOException {
        expect(JsonToken.START_ARRAY, "an array");
        List<T> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            path.add("[" + list.size() + "]");
            if (parser.currentToken() == JsonToken.VALUE_NULL) {
                throw problem("null is not allowed");
            }
            list.add(element.read(this));
            path.removeLast();
        }
        return list;
    }

    /**
     * An object read as a map from its field names, in the file's order, each value read by {@code value}; a null value
     * is kept as null when {@code nulls} (read-only map), refused otherwise.
     */
    public <T> Map<String, T> map(ValueReader<T> value, boolean nulls) throws IOException {
        expect(JsonToken.START_OBJECT, "an object");
        Map<String, T> map = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            path.add(name);
            if (map.containsKey(name)) {
                throw problem("given twice");
            }
            parser.nextToken();
            if (parser.currentToken() == JsonToken.VALUE_NULL) {
                if (!nulls) {
                    throw problem("null is not allowed");
                }
                map.put(name, null);
            } else {
                map.put(name, value.read(this));
            }
            path.removeLast();
        }
        return Collections.unmodifiableMap(map);
    }

    /** A string; a number or a boolean is taken as its text. */
    public String string() throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> parser.getText();
            default -> throw expected("a string");
        };
    }

    /** An int; a number with a fraction is cut to an integer. */
    public int intValue() throws IOException {
        number();
        return parser.getIntValue();
    }

    /** A long; a number with a fraction is cut to an integer. */
    public long longValue() throws IOException {
        number();
        return parser.getLongValue();
    }

    public boolean bool() throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_STRING -> throw problem("bad value " + parser.getText());
            default -> throw expected("true or false");
        };
    }

    /** One of the names of {@code type}'s constants, exactly. */
    public <E extends Enum<E>> E enumValue(Class<E> type) throws IOException {
        E[] constants = type.getEnumConstants();
        switch (parser.currentToken()) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> {
                String text = parser.getText();
                for (E e : constants) {
                    if (e.name().equals(text)) {
                        return e;
                    }
                }
                throw problem("bad value " + text + " (expected one of " + Arrays.toString(constants) + ")");
            }
            default -> throw expected("one of " + Arrays.toString(constants));
        }
    }

    private void number() throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw expected("a number");
        }
    }

    private void expect(JsonToken token, String what) throws JsonProblem {
        if (parser.currentToken() != token) {
            throw expected(what);
        }
    }

    private JsonProblem expected(String what) {
        return problem(what + " expected, not " + describe(parser.currentToken()));
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case null -> "the end of the file";
            default -> token.asString();
        };
    }

    /** "field objects[2].action: ... (line 9, column 17)", at the value the parser is on. */
    public JsonProblem problem(String what) {
        return new JsonProblem(where() + what + at(parser.currentTokenLocation()), null);
    }

    private JsonProblem problem(JacksonException e) {
        return new JsonProblem(where() + e.getOriginalMessage() + at(e.getLocation()), e);
    }

    private String where() {
        if (path.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("field ");
        for (String segment : path) {
            if (!segment.startsWith("[") && out.length() > "field ".length()) {
                out.append('.');
            }
            out.append(segment);
        }
        return out.append(": ").toString();
    }

    private static String at(JsonLocation location) {
        return location != null && location.getLineNr() > 0
                ? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"
                : "";
    }
}
