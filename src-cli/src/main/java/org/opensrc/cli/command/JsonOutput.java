package org.opensrc.cli.command;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;

import java.io.PrintWriter;

/** {@code --json}: prints a reply as JSON, with every field present (zero values too). */
public final class JsonOutput {

    private static final JsonFormat.Printer PRINTER =
            JsonFormat.printer().alwaysPrintFieldsWithNoPresence().preservingProtoFieldNames();

    private JsonOutput() {}

    /** One message as one line of JSON ({@code lssrc --watch --json}), flushed. */
    public static void printLine(PrintWriter out, MessageOrBuilder message) {
        try {
            out.println(PRINTER.omittingInsignificantWhitespace().print(message));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a reply that cannot be printed as JSON: " + e.getMessage(), e);
        }
        out.flush();
    }

    public static void print(PrintWriter out, MessageOrBuilder message) {
        try {
            out.println(PRINTER.print(message));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a reply that cannot be printed as JSON: " + e.getMessage(), e);
        }
        out.flush();
    }
}
