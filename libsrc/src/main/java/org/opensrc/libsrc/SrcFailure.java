package org.opensrc.libsrc;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Optional;
import org.opensrc.proto.v1.SrcCode;

/**
 * A request that failed as a whole, as it crosses the gRPC edge: a gRPC status whose
 * trailers carry the AIX message number ({@code src-code}) and its argument
 * ({@code src-args}). srcmstr throws {@link #toException()}; the commands read it back
 * with {@link #from(Throwable)} and print the 0513 message.
 */
public record SrcFailure(Status.Code grpcCode, SrcCode code, List<String> args) {

    public static final Metadata.Key<String> CODE_KEY =
            Metadata.Key.of("src-code", Metadata.ASCII_STRING_MARSHALLER);
    public static final Metadata.Key<String> ARGS_KEY =
            Metadata.Key.of("src-args", Metadata.ASCII_STRING_MARSHALLER);
    private static final char SEPARATOR = '\u001f';

    public SrcFailure {
        args = List.copyOf(args);
    }

    public static SrcFailure of(Status.Code grpcCode, SrcCode code, String... args) {
        return new SrcFailure(grpcCode, code, List.of(args));
    }

    public StatusRuntimeException toException() {
        Metadata trailers = new Metadata();
        trailers.put(CODE_KEY, Integer.toString(code.getNumber()));
        if (!args.isEmpty()) {
            trailers.put(ARGS_KEY, encode(String.join(String.valueOf(SEPARATOR), args)));
        }
        return grpcCode.toStatus().withDescription(code.name()).asRuntimeException(trailers);
    }

    /** The SRC failure carried by a gRPC error, if the error carries one. */
    public static Optional<SrcFailure> from(Throwable error) {
        Status status = Status.fromThrowable(error);
        Metadata trailers = Status.trailersFromThrowable(error);
        if (trailers == null || trailers.get(CODE_KEY) == null) {
            return Optional.empty();
        }
        SrcCode code = SrcCode.forNumber(Integer.parseInt(trailers.get(CODE_KEY)));
        String raw = trailers.get(ARGS_KEY);
        List<String> args = raw == null ? List.of() : List.of(decode(raw).split(String.valueOf(SEPARATOR), -1));
        return Optional.of(new SrcFailure(status.getCode(), code == null ? SrcCode.SRC_CODE_ICMD : code, args));
    }

    // Metadata values must be printable ASCII: percent-encode everything else.
    private static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '%') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private static String decode(String s) {
        var bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() + 0 && i + 2 <= s.length() - 1 + 0) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
