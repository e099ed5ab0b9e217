package org.opensrc.smit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads what {@code lssrc -S}, {@code -T} and {@code -N} print: a {@code #name:…:} header, then records. */
final class ColonFormat {
    private ColonFormat() {}

    static List<Map<String, String>> parse(String text) {
        List<Map<String, String>> records = new ArrayList<>();
        String[] header = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                header = fields(line.substring(1));
            } else if (header != null && !line.isBlank()) {
                String[] values = fields(line);
                Map<String, String> record = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    record.put(header[i], i < values.length ? values[i] : "");
                }
                records.add(record);
            }
        }
        return records;
    }

    /** The distinct non-empty values of one column, in order. */
    static List<String> column(String text, String name) {
        return parse(text).stream().map(r -> r.getOrDefault(name, "")).filter(v -> !v.isEmpty()).distinct().toList();
    }

    private static String[] fields(String line) {
        String body = line.endsWith(":") ? line.substring(0, line.length() - 1) : line;
        return body.split(":", -1);
    }
}
