package org.opensrc.libsrc.client;

import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Status;

import org.opensrc.libsrc.SrcFailure;
import org.opensrc.libsrc.SrcPaths;
import org.opensrc.proto.v1.ControlGrpc;
import org.opensrc.proto.v1.DefinitionsGrpc;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.proto.v1.WatchEvent;
import org.opensrc.proto.v1.WatchRequest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;

/**
 * A connection from a command to srcmstr: gRPC over the local Unix socket (the commands' own lean client, {@link
 * LocalGrpcChannel}), or grpc-java over TCP with mutual TLS to the srcmstr -r of another host. Made for one command
 * run; close it when done. Every call has a deadline ({@link CommandTimeout}): a command never waits forever.
 */
public final class SrcClient implements AutoCloseable {

    /**
     * The largest request message srcmstr reads on its local socket: a definition or a start request is a few KB (AIX
     * caps arguments and environment at 2400 bytes each); a subsystem's long-status reply to a forwarded request is the
     * biggest thing that legitimately arrives, and 256 KiB holds thousands of rows. The local client refuses a bigger
     * one itself (RESOURCE_EXHAUSTED) before sending it.
     */
    public static final int MAX_REQUEST_BYTES = 256 * 1024;

    /** The timeout of a client made without one (tests): AIX's 60 s plus the margin. */
    private static final CommandTimeout DEFAULT_TIMEOUT =
            new CommandTimeout(Duration.ofSeconds(60).plus(CommandTimeout.MARGIN));

    /** What a client is connected through: it says whether srcmstr answers, and is closed with the client. */
    interface Connection extends AutoCloseable {
        /** Whether a srcmstr finishes a connection within {@code within}; false when nothing listens. */
        boolean answers(Duration within);

        @Override
        void close();
    }

    private final Connection connection;
    private final Channel channel;
    private final Channel calls;
    private final CommandTimeout timeout;

    private SrcClient(Connection connection, Channel channel, Channel calls, CommandTimeout timeout) {
        this.connection = connection;
        this.channel = channel;
        this.calls = calls;
        this.timeout = timeout;
    }

    /** This client with every call bounded by {@code timeout}. */
    public SrcClient withTimeout(CommandTimeout timeout) {
        return new SrcClient(connection, channel, calls, timeout);
    }

    /**
     * A client over a channel made elsewhere (an in-process server standing in for srcmstr); {@code release} runs after
     * the channel is closed.
     */
    public static SrcClient over(ManagedChannel channel, Runnable release) {
        return new SrcClient(new GrpcJavaChannels.Managed(channel, release), channel, channel, DEFAULT_TIMEOUT);
    }

    /** A client for the srcmstr of {@code paths}' root. Connecting is lazy. */
    public static SrcClient local(SrcPaths paths) {
        return local(paths.controlSocket());
    }

    /**
     * A client for the srcmstr listening on {@code socket}: unary calls, and {@link #watch} on a connection of its own.
     * Connecting is lazy.
     */
    public static SrcClient local(Path socket) {
        var channel = new LocalGrpcChannel(socket);
        return new SrcClient(channel, channel, channel, DEFAULT_TIMEOUT);
    }

    /**
     * A client for the srcmstr listening on {@code socket} through grpc-java's Netty channel: to compare the two
     * clients. Connecting is lazy.
     */
    public static SrcClient localOverGrpcJava(Path socket) {
        var managed = GrpcJavaChannels.local(socket);
        return new SrcClient(managed, managed.channel(), managed.channel(), DEFAULT_TIMEOUT);
    }

    /**
     * A client for the srcmstr -r at {@code hostPort} ({@link RemoteHost#parse}), presenting the certificate in {@code
     * certDir} ({@link ClientCertificates}) over TLS 1.3 and trusting only servers signed by the CA in that folder.
     * Connecting is lazy; a call that cannot reach the server or whose handshake fails ends with 0513-053.
     *
     * @throws io.grpc.StatusRuntimeException carrying 0513-054 when the host name does not resolve, or 0513-053 when
     *     the certificate files cannot be read
     */
    public static SrcClient remote(String hostPort, Path certDir) {
        RemoteHost target;
        try {
            target = RemoteHost.parse(hostPort);
        } catch (IllegalArgumentException e) {
            throw SrcFailure.of(Status.Code.INVALID_ARGUMENT, SrcCode.SRC_CODE_UHOST, hostPort).toException();
        }
        try {
            InetAddress.getByName(target.host());
        } catch (UnknownHostException e) {
            throw SrcFailure.of(Status.Code.UNAVAILABLE, SrcCode.SRC_CODE_UHOST, target.host()).toException();
        }
        var managed = GrpcJavaChannels.remote(target, certDir);
        return new SrcClient(
                managed,
                managed.channel(),
                ClientInterceptors.intercept(managed.channel(), new RemoteFailures()),
                DEFAULT_TIMEOUT);
    }

    /**
     * Whether a srcmstr answers behind this client's address: connects (as the first call would) and waits until the
     * connection is ready or has failed, at most the call timeout. False when nothing listens (no socket file,
     * connection refused) or when the one listening did not finish the connection in time.
     */
    public boolean answers() {
        return connection.answers(timeout.base());
    }

    /**
     * The channel itself, for stubs of other services (a subsystem's streaming attach needs {@link
     * #localOverGrpcJava}).
     */
    public Channel channel() {
        return channel;
    }

    /** The definition calls, each ending with DEADLINE_EXCEEDED after the timeout. */
    public DefinitionsGrpc.DefinitionsBlockingStub definitions() {
        return DefinitionsGrpc.newBlockingStub(calls).withDeadlineAfter(timeout.base());
    }

    /** The control calls, each ending with DEADLINE_EXCEEDED after the timeout. */
    public ControlGrpc.ControlBlockingStub control() {
        return control(Duration.ZERO);
    }

    /** The control calls of a request that itself waits up to {@code wait} ({@code --wait}). */
    public ControlGrpc.ControlBlockingStub control(Duration wait) {
        return ControlGrpc.newBlockingStub(calls).withDeadlineAfter(timeout.forRequestWaiting(wait));
    }

    /**
     * lssrc --watch: the snapshot, then every change, until srcmstr goes away or the stream is closed. Locally on a
     * connection of its own of the lean client; remotely (or in-process) over grpc-java. The connecting and the
     * snapshot are bounded by the timeout, the rest is not.
     */
    public MessageStream<WatchEvent> watch() {
        WatchRequest request = WatchRequest.getDefaultInstance();
        if (connection instanceof LocalGrpcChannel local) {
            return local.stream(ControlGrpc.getWatchMethod(), request, timeout.base());
        }
        Context.CancellableContext context = Context.current().withCancellation();
        Iterator<WatchEvent> events;
        Context previous = context.attach();
        try {
            events = ControlGrpc.newBlockingStub(calls).watch(request);
        } finally {
            context.detach(previous);
        }
        return new MessageStream<>() {
            @Override
            public WatchEvent next() {
                return events.hasNext() ? events.next() : null;
            }

            @Override
            public void close() {
                context.cancel(null);
            }
        };
    }

    @Override
    public void close() {
        connection.close();
    }
}
