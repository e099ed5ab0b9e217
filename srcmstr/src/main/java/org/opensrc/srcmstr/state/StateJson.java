package org.opensrc.srcmstr.state;

import com.fasterxml.jackson.core.JsonGenerator;

import org.opensrc.srcmstr.durable.JsonFields;
import org.opensrc.srcmstr.durable.JsonIn;
import org.opensrc.srcmstr.durable.JsonOut;
import org.opensrc.srcmstr.durable.JsonProblem;
import org.opensrc.srcmstr.registry.DefinitionJson;
import org.opensrc.srcmstr.registry.SubsystemDef;
import org.opensrc.srcmstr.supervise.DeathHistory;
import org.opensrc.srcmstr.supervise.SubsystemRecord;
import org.opensrc.srcmstr.supervise.Want;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The JSON of {@code state.json} (an image, {@link StateImage}; format 1: a {@link SavedState}) and of the lines of
 * {@code state.journal} ({@link JournalHeader}, {@link JournalEntry}): fields in the order of the records' components,
 * read strictly ({@link JsonIn}). Pure: bytes in, values out.
 */
final class StateJson {

    private static final List<String> IMAGE =
            List.of("version", "runId", "savedAt", "journal", "instances", "spawning", "retries", "subsystems", "ids");
    private static final List<String> SINCE_FORMAT_2 = List.of("journal", "ids");
    private static final List<String> IDS = List.of("instances", "spawning", "retries");
    private static final List<String> INSTANCE =
            List.of("definition", "pid", "startTime", "sessionId", "args", "env", "token", "state", "stop");
    private static final List<String> SPAWN = List.of("definition", "args", "env", "marker");
    private static final List<String> RETRY = List.of("definition", "args", "env", "at");
    private static final List<String> RECORD = List.of("want", "history", "restarts", "lastExit");
    private static final List<String> HISTORY = List.of("deaths", "firstDeathAt", "lastDelayMs");
    private static final List<String> ENTRY = List.of("seq", "at", "instances", "spawning", "retries", "subsystems");
    private static final List<String> HEADER = List.of("journal");

    private StateJson() {}

    /**
     * The image in {@code bytes}; a format 1 file is read as an image with no journal.
     *
     * @throws JsonProblem naming the field, or "unsupported version N"
     */
    static StateImage image(byte[] bytes) throws JsonProblem {
        JsonFields f =
                JsonIn.document(
                        bytes,
                        in ->
                                in.object(
                                        IMAGE,
                                        SINCE_FORMAT_2,
                                        (field, value) ->
                                                switch (field) {
                                                    case "version" -> value.intValue();
                                                    case "savedAt" -> value.longValue();
                                                    case "instances" -> value.array(StateJson::instance);
                                                    case "spawning" -> value.array(StateJson::spawn);
                                                    case "retries" -> value.array(StateJson::retry);
                                                    case "subsystems" -> value.map(StateJson::record, false);
                                                    case "ids" -> ids(value);
                                                    default -> value.string();
                                                }));
        int version = f.intValue("version");
        if (version == 1) {
            for (String field : SINCE_FORMAT_2) {
                if (f.has(field)) {
                    throw new JsonProblem("field " + field + ": unknown field '" + field + "' (a format 1 file)");
                }
            }
            SavedState old =
                    new SavedState(
                            SavedState.VERSION,
                            f.string("runId"),
                            f.longValue("savedAt"),
                            f.list("instances"),
                            f.list("spawning"),
                            f.list("retries"),
                            f.map("subsystems"));
            return StateFile.image(old, "", null);
        }
        if (version != SavedState.VERSION) {
            throw new JsonProblem("unsupported version " + version);
        }
        for (String field : SINCE_FORMAT_2) {
            if (!f.has(field)) {
                throw new JsonProblem("field " + field + ": missing (every field is required)");
            }
        }
        return new StateImage(
                version,
                f.string("runId"),
                f.longValue("savedAt"),
                f.string("journal"),
                f.list("instances"),
                f.list("spawning"),
                f.list("retries"),
                f.map("subsystems"),
                f.get("ids", StateImage.Ids.class));
    }

    /** {@code image}, indented two spaces a level. */
    static byte[] bytes(StateImage image) {
        return JsonOut.bytes(
                true,
                out -> {
                    out.writeStartObject();
                    out.writeNumberField("version", image.version());
                    out.writeStringField("runId", image.runId());
                    out.writeNumberField("savedAt", image.savedAt());
                    out.writeStringField("journal", image.journal());
                    out.writeArrayFieldStart("instances");
                    for (SavedState.Instance i : image.instances()) {
                        write(out, i);
                    }
                    out.writeEndArray();
                    out.writeArrayFieldStart("spawning");
                    for (SavedState.Spawn s : image.spawning()) {
                        write(out, s);
                    }
                    out.writeEndArray();
                    out.writeArrayFieldStart("retries");
                    for (SavedState.Retry r : image.retries()) {
                        write(out, r);
                    }
                    out.writeEndArray();
                    out.writeObjectFieldStart("subsystems");
                    for (Map.Entry<String, SubsystemRecord> e : image.subsystems().entrySet()) {
                        out.writeFieldName(e.getKey());
                        write(out, e.getValue());
                    }
                    out.writeEndObject();
                    out.writeObjectFieldStart("ids");
                    writeNumbers(out, "instances", image.ids().instances());
                    writeNumbers(out, "spawning", image.ids().spawning());
                    writeNumbers(out, "retries", image.ids().retries());
                    out.writeEndObject();
                    out.writeEndObject();
                });
    }

    static JournalHeader header(byte[] line) throws JsonProblem {
        JsonFields f = JsonIn.document(line, in -> in.object(HEADER, (field, value) -> value.string()));
        return new JournalHeader(f.string("journal"));
    }

    /** {@code header} on one line, without its line end. */
    static byte[] bytes(JournalHeader header) {
        return JsonOut.bytes(
                false,
                out -> {
                    out.writeStartObject();
                    out.writeStringField("journal", header.journal());
                    out.writeEndObject();
                });
    }

    static JournalEntry entry(byte[] line) throws JsonProblem {
        JsonFields f =
                JsonIn.document(
                        line,
                        in ->
                                in.object(
                                        ENTRY,
                                        (field, value) ->
                                                switch (field) {
                                                    case "instances" -> value.map(StateJson::instance, true);
                                                    case "spawning" -> value.map(StateJson::spawn, true);
                                                    case "retries" -> value.map(StateJson::retry, true);
                                                    case "subsystems" -> value.map(StateJson::record, true);
                                                    default -> value.longValue();
                                                }));
        return new JournalEntry(
                f.longValue("seq"),
                f.longValue("at"),
                f.map("instances"),
                f.map("spawning"),
                f.map("retries"),
                f.map("subsystems"));
    }

    /** {@code entry} on one line, without its line end; a null value (removed) as null. */
    static byte[] bytes(JournalEntry entry) {
        return JsonOut.bytes(
                false,
                out -> {
                    out.writeStartObject();
                    out.writeNumberField("seq", entry.seq());
                    out.writeNumberField("at", entry.at());
                    writeChanges(out, "instances", entry.instances(), StateJson::write);
                    writeChanges(out, "spawning", entry.spawning(), StateJson::write);
                    writeChanges(out, "retries", entry.retries(), StateJson::write);
                    writeChanges(out, "subsystems", entry.subsystems(), StateJson::write);
                    out.writeEndObject();
                });
    }

    @FunctionalInterface
    private interface Writer<T> {
        void write(JsonGenerator out, T value) throws IOException;
    }

    private static <T> void writeChanges(JsonGenerator out, String field, Map<String, T> changes, Writer<T> writer)
            throws IOException {
        out.writeObjectFieldStart(field);
        for (Map.Entry<String, T> e : changes.entrySet()) {
            out.writeFieldName(e.getKey());
            if (e.getValue() == null) {
                out.writeNull();
            } else {
                writer.write(out, e.getValue());
            }
        }
        out.writeEndObject();
    }

    private static SavedState.Instance instance(JsonIn in) throws IOException {
        JsonFields f =
                in.object(
                        INSTANCE,
                        (field, value) ->
                                switch (field) {
                                    case "definition" -> DefinitionJson.readSubsystem(value);
                                    case "pid", "startTime", "sessionId" -> value.longValue();
                                    case "args", "env" -> value.array(JsonIn::string);
                                    default -> value.string();
                                });
        return in.make(
                () ->
                        new SavedState.Instance(
                                f.get("definition", SubsystemDef.class),
                                f.longValue("pid"),
                                f.longValue("startTime"),
                                f.longValue("sessionId"),
                                f.list("args"),
                                f.list("env"),
                                f.string("token"),
                                f.string("state"),
                                f.string("stop")));
    }

    private static void write(JsonGenerator out, SavedState.Instance i) throws IOException {
        out.writeStartObject();
        out.writeFieldName("definition");
        DefinitionJson.write(out, i.definition());
        out.writeNumberField("pid", i.pid());
        out.writeNumberField("startTime", i.startTime());
        out.writeNumberField("sessionId", i.sessionId());
        writeStrings(out, "args", i.args());
        writeStrings(out, "env", i.env());
        out.writeStringField("token", i.token());
        out.writeStringField("state", i.state());
        out.writeStringField("stop", i.stop());
        out.writeEndObject();
    }

    private static SavedState.Spawn spawn(JsonIn in) throws IOException {
        JsonFields f =
                in.object(
                        SPAWN,
                        (field, value) ->
                                switch (field) {
                                    case "definition" -> DefinitionJson.readSubsystem(value);
                                    case "args", "env" -> value.array(JsonIn::string);
                                    default -> value.string();
                                });
        return in.make(
                () ->
                        new SavedState.Spawn(
                                f.get("definition", SubsystemDef.class),
                                f.list("args"),
                                f.list("env"),
                                f.string("marker")));
    }

    private static void write(JsonGenerator out, SavedState.Spawn s) throws IOException {
        out.writeStartObject();
        out.writeFieldName("definition");
        DefinitionJson.write(out, s.definition());
        writeStrings(out, "args", s.args());
        writeStrings(out, "env", s.env());
        out.writeStringField("marker", s.marker());
        out.writeEndObject();
    }

    private static SavedState.Retry retry(JsonIn in) throws IOException {
        JsonFields f =
                in.object(
                        RETRY,
                        (field, value) ->
                                switch (field) {
                                    case "definition" -> DefinitionJson.readSubsystem(value);
                                    case "args", "env" -> value.array(JsonIn::string);
                                    default -> value.longValue();
                                });
        return in.make(
                () ->
                        new SavedState.Retry(
                                f.get("definition", SubsystemDef.class),
                                f.list("args"),
                                f.list("env"),
                                f.longValue("at")));
    }

    private static void write(JsonGenerator out, SavedState.Retry r) throws IOException {
        out.writeStartObject();
        out.writeFieldName("definition");
        DefinitionJson.write(out, r.definition());
        writeStrings(out, "args", r.args());
        writeStrings(out, "env", r.env());
        out.writeNumberField("at", r.at());
        out.writeEndObject();
    }

    private static SubsystemRecord record(JsonIn in) throws IOException {
        JsonFields f =
                in.object(
                        RECORD,
                        (field, value) ->
                                switch (field) {
                                    case "want" -> value.enumValue(Want.class);
                                    case "history" -> history(value);
                                    case "restarts" -> value.intValue();
                                    default -> value.string();
                                });
        return in.make(
                () ->
                        new SubsystemRecord(
                                f.get("want", Want.class),
                                f.get("history", DeathHistory.class),
                                f.intValue("restarts"),
                                f.string("lastExit")));
    }

    private static DeathHistory history(JsonIn in) throws IOException {
        JsonFields f =
                in.object(HISTORY, (field, value) -> field.equals("deaths") ? value.intValue() : value.longValue());
        return in.make(
                () -> new DeathHistory(f.intValue("deaths"), f.longValue("firstDeathAt"), f.longValue("lastDelayMs")));
    }

    private static void write(JsonGenerator out, SubsystemRecord r) throws IOException {
        out.writeStartObject();
        out.writeStringField("want", r.want().name());
        out.writeObjectFieldStart("history");
        out.writeNumberField("deaths", r.history().deaths());
        out.writeNumberField("firstDeathAt", r.history().firstDeathAt());
        out.writeNumberField("lastDelayMs", r.history().lastDelayMs());
        out.writeEndObject();
        out.writeNumberField("restarts", r.restarts());
        out.writeStringField("lastExit", r.lastExit());
        out.writeEndObject();
    }

    private static StateImage.Ids ids(JsonIn in) throws IOException {
        JsonFields f = in.object(IDS, (field, value) -> value.array(JsonIn::longValue));
        return new StateImage.Ids(f.list("instances"), f.list("spawning"), f.list("retries"));
    }

    private static void writeStrings(JsonGenerator out, String field, List<String> values) throws IOException {
        out.writeArrayFieldStart(field);
        for (String v : values) {
            out.writeString(v);
        }
        out.writeEndArray();
    }

    private static void writeNumbers(JsonGenerator out, String field, List<Long> values) throws IOException {
        out.writeArrayFieldStart(field);
        for (long v : values) {
            out.writeNumber(v);
        }
        out.writeEndArray();
    }
}
