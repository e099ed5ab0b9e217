package org.opensrc.libsrc.client;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Deadline;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.okhttp.internal.framed.ErrorCode;
import io.grpc.okhttp.internal.framed.Header;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One unary gRPC call on a {@link LocalGrpcChannel}, made when the request is half-closed, on the calling thread. The
 * reply is read as grpc-java's client reads it (gRPC over HTTP/2): the status from {@code grpc-status} and {@code
 * grpc-message}, the trailers (binary {@code -bin} ones decoded) as metadata, a non-200 HTTP status or RST_STREAM
 * mapped to the same codes, replies over 4 MiB refused with RESOURCE_EXHAUSTED, the deadline ending the call with
 * DEADLINE_EXCEEDED and a socket failure with UNAVAILABLE.
 */
final class UnaryCall<Q, R> extends ClientCall<Q, R> {

    private final LocalGrpcChannel channel;
    private final MethodDescriptor<Q, R> method;
    private final CallOptions options;
    private Listener<R> listener;
    private Metadata headers;
    private Q request;
    private boolean closed;

    UnaryCall(LocalGrpcChannel channel, MethodDescriptor<Q, R> method, CallOptions options) {
        this.channel = channel;
        this.method = method;
        this.options = options;
    }

    @Override
    public void start(Listener<R> listener, Metadata headers) {
        this.listener = listener;
        this.headers = headers;
    }

    @Override
    public void request(int numMessages) {
        // the one reply is delivered when it has been read
    }

    @Override
    public void sendMessage(Q message) {
        request = message;
    }

    @Override
    public void cancel(String message, Throwable cause) {
        if (listener != null && !closed) {
            close(Status.CANCELLED.withDescription(message).withCause(cause), new Metadata());
        }
    }

    @Override
    public void halfClose() {
        if (closed) {
            return;
        }
        if (method.getType() != MethodDescriptor.MethodType.UNARY) {
            close(Status.UNIMPLEMENTED.withDescription("the local client makes unary calls only"), new Metadata());
            return;
        }
        Deadline deadline = options.getDeadline();
        long timeoutNanos = deadline == null ? Long.MAX_VALUE / 4 : deadline.timeRemaining(TimeUnit.NANOSECONDS);
        if (timeoutNanos <= 0) {
            close(
                    Status.DEADLINE_EXCEEDED.withDescription(
                            "ClientCall started after CallOptions deadline was exceeded"),
                    new Metadata());
            return;
        }
        byte[] framed;
        try {
            framed = framed(method, request);
        } catch (IOException e) {
            close(Status.INTERNAL.withDescription("cannot serialize the request").withCause(e), new Metadata());
            return;
        }
        if (framed.length - 5 > SrcClient.MAX_REQUEST_BYTES) {
            close(
                    Status.RESOURCE_EXHAUSTED.withDescription(
                            String.format(
                                    Locale.ROOT,
                                    "the request of %d bytes exceeds srcmstr's maximum of %d",
                                    framed.length - 5,
                                    SrcClient.MAX_REQUEST_BYTES)),
                    new Metadata());
            return;
        }
        Http2Connection.Response response;
        // one call at a time on the channel's one connection, whichever thread makes it
        synchronized (channel) {
            try (Watchdog watchdog = Watchdog.after(timeoutNanos)) {
                try {
                    response =
                            channel.connection(watchdog)
                                    .exchange(
                                            requestHeaders(deadline == null ? -1 : timeoutNanos),
                                            framed,
                                            LocalGrpcChannel.MAX_MESSAGE);
                } catch (IOException e) {
                    channel.discard();
                    close(failure(e, watchdog, timeoutNanos), new Metadata());
                    return;
                }
            }
        }
        deliver(response);
    }

    private Status failure(IOException e, Watchdog watchdog, long timeoutNanos) {
        if (watchdog.fired()) {
            return Status.DEADLINE_EXCEEDED.withDescription(
                    String.format(Locale.ROOT, "deadline exceeded after %.9fs", timeoutNanos / 1e9));
        }
        if (e instanceof Http2Connection.MessageTooLarge tooLarge) {
            return Status.RESOURCE_EXHAUSTED.withDescription(
                    String.format(
                            Locale.ROOT,
                            "gRPC message exceeds maximum size %d: %d",
                            LocalGrpcChannel.MAX_MESSAGE,
                            tooLarge.declared));
        }
        return Status.UNAVAILABLE.withDescription("io exception").withCause(e);
    }

    private void deliver(Http2Connection.Response response) {
        if (response.reset() != null) {
            close(resetStatus(response.reset()), new Metadata());
            return;
        }
        List<Header> head = response.headers();
        String httpStatus = head == null ? null : value(head, ":status");
        if (httpStatus != null && !httpStatus.equals("200")) {
            close(httpStatus(httpStatus), metadata(response.trailers()));
            return;
        }
        if (head != null && !grpcContent(value(head, "content-type"))) {
            close(
                    Status.UNKNOWN.withDescription("invalid content-type: " + value(head, "content-type")),
                    metadata(response.trailers()));
            return;
        }
        if (response.trailers() == null) {
            close(
                    Status.INTERNAL.withDescription("Received unexpected EOS on DATA frame from server."),
                    new Metadata());
            return;
        }
        Metadata trailers = metadata(response.trailers());
        Status status = status(response.trailers());
        if (!status.isOk()) {
            close(status, trailers);
            return;
        }
        listener.onHeaders(metadata(head != response.trailers() ? head : null));
        byte[] body = response.body();
        if (body.length >= 5) {
            if (body[0] != 0) {
                close(
                        Status.INTERNAL.withDescription(
                                "Can't decode compressed gRPC message as compression not configured"),
                        trailers);
                return;
            }
            try {
                listener.onMessage(method.parseResponse(new ByteArrayInputStream(body, 5, body.length - 5)));
            } catch (StatusRuntimeException e) {
                close(e.getStatus(), trailers);
                return;
            } catch (RuntimeException e) {
                close(Status.INTERNAL.withDescription("Failed to read message.").withCause(e), trailers);
                return;
            }
        }
        close(status, trailers);
    }

    private void close(Status status, Metadata trailers) {
        closed = true;
        listener.onClose(status, trailers);
    }

    private List<Header> requestHeaders(long timeoutNanos) {
        List<Header> fields = new ArrayList<>();
        fields.add(new Header(Header.TARGET_METHOD, "POST"));
        fields.add(new Header(Header.TARGET_SCHEME, "http"));
        fields.add(new Header(Header.TARGET_PATH, "/" + method.getFullMethodName()));
        fields.add(new Header(Header.TARGET_AUTHORITY, "localhost"));
        fields.add(new Header("content-type", "application/grpc"));
        fields.add(new Header("te", "trailers"));
        if (timeoutNanos >= 0) {
            fields.add(new Header("grpc-timeout", grpcTimeout(timeoutNanos)));
        }
        for (String key : headers.keys()) {
            if (key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
                for (byte[] value : headers.getAll(Metadata.Key.of(key, Metadata.BINARY_BYTE_MARSHALLER))) {
                    fields.add(new Header(key, Base64.getEncoder().withoutPadding().encodeToString(value)));
                }
            } else {
                for (String value : headers.getAll(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER))) {
                    fields.add(new Header(key, value));
                }
            }
        }
        return fields;
    }

    /** gRPC's timeout header: at most eight digits, in the finest unit that fits. */
    static String grpcTimeout(long nanos) {
        long[] per = {1, 1_000, 1_000_000, 1_000_000_000L, 60_000_000_000L, 3_600_000_000_000L};
        char[] unit = {'n', 'u', 'm', 'S', 'M', 'H'};
        for (int i = 0; i < per.length; i++) {
            long value = nanos / per[i];
            if (value < 100_000_000L) {
                return value + String.valueOf(unit[i]);
            }
        }
        return "99999999H";
    }

    /** A gRPC message frame: not compressed, four bytes of length, the message. */
    static <Q> byte[] framed(MethodDescriptor<Q, ?> method, Q message) throws IOException {
        var out = new ByteArrayOutputStream();
        try (InputStream in = method.streamRequest(message)) {
            out.write(new byte[5]);
            in.transferTo(out);
        }
        byte[] body = out.toByteArray();
        int length = body.length - 5;
        body[1] = (byte) (length >>> 24);
        body[2] = (byte) (length >>> 16);
        body[3] = (byte) (length >>> 8);
        body[4] = (byte) length;
        return body;
    }

    static String value(List<Header> block, String name) {
        for (Header header : block) {
            if (header.name.utf8().equals(name)) {
                return header.value.utf8();
            }
        }
        return null;
    }

    private static boolean grpcContent(String type) {
        return type != null
                && (type.equals("application/grpc")
                        || type.startsWith("application/grpc+")
                        || type.startsWith("application/grpc;"));
    }

    static Status status(List<Header> trailers) {
        String code = value(trailers, "grpc-status");
        if (code == null) {
            return Status.UNKNOWN.withDescription("missing GRPC status in response");
        }
        Status status;
        try {
            status = Status.fromCodeValue(Integer.parseInt(code));
        } catch (NumberFormatException e) {
            return Status.UNKNOWN.withDescription("invalid grpc-status: " + code);
        }
        String message = value(trailers, "grpc-message");
        return message == null ? status : status.withDescription(percentDecoded(message));
    }

    /** {@code grpc-message} is UTF-8 with its non-printable bytes percent-encoded. */
    static String percentDecoded(String value) {
        byte[] raw = value.getBytes(StandardCharsets.US_ASCII);
        var out = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length) {
                int high = Character.digit(raw[i + 1], 16);
                int low = Character.digit(raw[i + 2], 16);
                if (high >= 0 && low >= 0) {
                    out.write(high << 4 | low);
                    i += 2;
                    continue;
                }
            }
            out.write(raw[i]);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The reply's headers or trailers as gRPC metadata, without the status itself, as grpc-java hands them over. */
    static Metadata metadata(List<Header> block) {
        var metadata = new Metadata();
        if (block == null) {
            return metadata;
        }
        for (Header header : block) {
            String name = header.name.utf8();
            if (name.startsWith(":") || name.equals("grpc-status") || name.equals("grpc-message")) {
                continue;
            }
            try {
                if (name.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
                    var key = Metadata.Key.of(name, Metadata.BINARY_BYTE_MARSHALLER);
                    for (String part : header.value.utf8().split(",")) {
                        metadata.put(key, Base64.getDecoder().decode(part.strip()));
                    }
                } else {
                    metadata.put(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER), header.value.utf8());
                }
            } catch (IllegalArgumentException e) {
                // a header gRPC cannot carry as metadata (a bad name, bad base64) is left out, as grpc-java does
            }
        }
        return metadata;
    }

    /** grpc-java's mapping of an HTTP status on a reply without a gRPC status. */
    static Status httpStatus(String code) {
        Status.Code grpc =
                switch (code) {
                    case "400" -> Status.Code.INTERNAL;
                    case "401" -> Status.Code.UNAUTHENTICATED;
                    case "403" -> Status.Code.PERMISSION_DENIED;
                    case "404" -> Status.Code.UNIMPLEMENTED;
                    case "429", "502", "503", "504" -> Status.Code.UNAVAILABLE;
                    default -> Status.Code.UNKNOWN;
                };
        return Status.fromCode(grpc).withDescription("HTTP status code " + code);
    }

    /** grpc-java's mapping of an HTTP/2 RST_STREAM error code (RFC 9113 §7). */
    static Status resetStatus(ErrorCode errorCode) {
        Status.Code grpc =
                switch (errorCode) {
                    case NO_ERROR, REFUSED_STREAM -> Status.Code.UNAVAILABLE;
                    case CANCEL -> Status.Code.CANCELLED;
                    case ENHANCE_YOUR_CALM -> Status.Code.RESOURCE_EXHAUSTED;
                    case INADEQUATE_SECURITY -> Status.Code.PERMISSION_DENIED;
                    case HTTP_1_1_REQUIRED -> Status.Code.UNKNOWN;
                    default -> Status.Code.INTERNAL;
                };
        return Status.fromCode(grpc).withDescription("Received Rst Stream");
    }
}
