package org.opensrc.libsrc.subsystem;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Entry point of the SDK that makes a Java daemon SRC-aware:
 *
 * <pre>{@code
 * Optional<SrcConnection> src = SrcSubsystem.attachFromEnvironment(handler);
 * if (src.isEmpty()) System.err.println(SrcSubsystem.NOT_FOUND);
 * src.ifPresent(SrcConnection::ready);
 * }</pre>
 *
 * srcmstr starts a socket subsystem with {@code SRC_SOCKET} (its Unix socket) and {@code SRC_TOKEN} (this instance's
 * token) in the environment.
 */
public final class SrcSubsystem {

    /** Environment variable naming srcmstr's Unix socket. */
    public static final String SOCKET_ENV = "SRC_SOCKET";

    /** Environment variable holding this instance's token. */
    public static final String TOKEN_ENV = "SRC_TOKEN";

    /** What AIX daemons print when started outside SRC. */
    public static final String NOT_FOUND = "SRC was not found, continuing without SRC support.";

    private SrcSubsystem() {}

    /** Attaches when started by srcmstr; empty when the daemon runs standalone. */
    public static Optional<SrcConnection> attachFromEnvironment(SrcHandler handler) {
        return attachFromEnvironment(System.getenv(), handler);
    }

    /** As {@link #attachFromEnvironment(SrcHandler)}, reading {@code env}. */
    public static Optional<SrcConnection> attachFromEnvironment(Map<String, String> env, SrcHandler handler) {
        String socket = env.get(SOCKET_ENV);
        String token = env.get(TOKEN_ENV);
        if (socket == null || socket.isBlank() || token == null || token.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(attach(Path.of(socket), token, handler));
    }

    /** Opens the Attach stream on {@code socket} with {@code token}; never blocks. */
    public static SrcConnection attach(Path socket, String token, SrcHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return SrcConnection.open(socket, token, handler);
    }
}
