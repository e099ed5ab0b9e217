package org.opensrc.cli.odm;

/**
 * Writes objects as AIX's {@code odmget} does ({@code odmget.c}, 4.1): a blank line, {@code ClassName:}, then one
 * tab-indented {@code descriptor = value} line per descriptor in class order; strings in double quotes with {@code \},
 * {@code "} and newlines escaped, numbers bare. The output reads back with {@link StanzaReader}. Pure.
 */
public final class StanzaWriter {

    private StanzaWriter() {}

    public static String write(OdmObject object) {
        StringBuilder out = new StringBuilder("\n").append(object.objectClass().odmName()).append(":\n");
        for (Descriptor d : object.objectClass().descriptors()) {
            String v = object.value(d.name());
            out.append('\t').append(d.name()).append(" = ");
            if (d.kind().numeric() && CNumber.parse(v).isPresent()) {
                out.append(v);
            } else {
                quoted(v, out);
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void quoted(String v, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n\\\n");
                default -> out.append(c);
            }
        }
        out.append('"');
    }
}
