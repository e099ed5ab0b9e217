package org.opensrc.libsrc;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import org.opensrc.proto.v1.SrcCode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A request that failed as a whole, as it crosses the gRPC edge: a gRPC status whose trailers carry the AIX message
 * number ({@code src-code}), its arguments ({@code src-args}) and, where AIX has no message that names the problem, a
 * detail line ({@code src-detail}: the field and its limit, the cause of a failed write). srcmstr throws {@link
 * #toException()}; the commands read it back with {@link #from(Throwable)} and print the 0513 message, then the detail
 * on the next line.
 *
 * <p>Arguments and detail are cut to {@link SafeText#MAX_CHARS} characters each, so an over-long value given by a
 * caller (a name of 8 KB) cannot push the trailers past the transport's header limit.
 */
public record SrcFailure(Status.Code grpcCode, SrcCode code, List<String> args, String detail) {

    public static final Metadata.Key<String> CODE_KEY = Metadata.Key.of("src-code", Metadata.ASCII_STRING_MARSHALLER);
    public static final Metadata.Key<String> ARGS_KEY = Metadata.Key.of("src-args", Metadata.ASCII_STRING_MARSHALLER);
    public static final Metadata.Key<String> DETAIL_KEY =
            Metadata.Key.of("src-detail", Metadata.ASCII_STRING_MARSHALLER);
    private static final char SEPARATOR = '\u001f';

    public SrcFailure {
        args = args.stream().map(SrcFailure::cut).toList();
        detail = cut(detail);
    }

    public SrcFailure(Status.Code grpcCode, SrcCode code, List<String> args) {
        this(grpcCode, code, args, "");
    }

    public static SrcFailure of(Status.Code grpcCode, SrcCode code, String... args) {
        return new SrcFailure(grpcCode, code, List.of(args));
    }

    /** This failure with {@code text} as its detail line. */
    public SrcFailure withDetail(String text) {
        return new SrcFailure(grpcCode, code, args, text);
    }

    private static String cut(String value) {
        return value.length() <= SafeText.MAX_CHARS ? value : value.substring(0, SafeText.MAX_CHARS) + "...";
    }

    public StatusRuntimeException toException() {
        Metadata trailers = new Metadata();
        trailers.put(CODE_KEY, Integer.toString(code.getNumber()));
        if (!args.isEmpty()) {
            trailers.put(ARGS_KEY, encode(String.join(String.valueOf(SEPARATOR), args)));
        }
        if (!detail.isEmpty()) {
            trailers.put(DETAIL_KEY, encode(detail));
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
        String detail = trailers.get(DETAIL_KEY);
        return Optional.of(
                new SrcFailure(
                        status.getCode(),
                        code == null ? SrcCode.SRC_CODE_ICMD : code,
                        args,
                        detail == null ? "" : decode(detail)));
    }

    // Metadata values must be printable ASCII: percent-encode everything else.
    private static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
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
        var bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
