package org.opensrc.srcmstr.remote;

import org.opensrc.libsrc.SrcPaths;
import org.opensrc.libsrc.client.RemoteHost;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What {@code srcmstr -r} needs: where to listen, its TLS files and the identities it lets in. Files live in {@code
 * $SRC_ROOT/etc/src/remote/}: {@code ca.pem} (the only CA whose client certificates are accepted), {@code server.pem},
 * {@code server.key} (PKCS#8 PEM) and {@code allow} (one client certificate CN per line; blank lines and {@code #}
 * comments ignored). The listener binds {@code SRC_REMOTE_BIND} (default {@code 0.0.0.0}) on TCP port {@code
 * SRC_REMOTE_PORT} (default {@value RemoteHost#DEFAULT_PORT}). As ssh does with its keys, the key and the allow file
 * must be owned by root or srcmstr's uid and neither readable nor writable by group or others ({@link PrivateFile}).
 */
public record RemoteConfig(InetSocketAddress bind, Path authority, Path certificate, Path key, Set<String> allowList) {

    public static final String PORT_VARIABLE = "SRC_REMOTE_PORT";
    public static final String BIND_VARIABLE = "SRC_REMOTE_BIND";

    public RemoteConfig {
        allowList = Set.copyOf(allowList);
    }

    /**
     * Reads the allow file and the listener's address from {@code paths} and {@code env}.
     *
     * @param ownUid srcmstr's effective uid, which may own the key and allow file besides root
     * @throws IOException when the allow file cannot be read, it or the key is open to group or others or owned by
     *     another user, or the port or bind address is not valid; the message names the file (and its mode) or the
     *     variable
     */
    public static RemoteConfig load(SrcPaths paths, Map<String, String> env, int ownUid) throws IOException {
        Path dir = paths.remoteDir();
        Path allowFile = dir.resolve("allow");
        Set<String> allow;
        try {
            allow = parseAllowList(Files.readString(allowFile));
        } catch (IOException e) {
            throw new IOException("cannot read the remote allow file " + allowFile + ": " + e.getMessage(), e);
        }
        PrivateFile.require(allowFile, ownUid);
        PrivateFile.require(dir.resolve("server.key"), ownUid);
        return new RemoteConfig(
                new InetSocketAddress(bindAddress(env), port(env)),
                dir.resolve("ca.pem"),
                dir.resolve("server.pem"),
                dir.resolve("server.key"),
                allow);
    }

    /** The identities of an allow file: one per line, blank lines and {@code #} comments ignored. */
    public static Set<String> parseAllowList(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : text.split("\n")) {
            int hash = line.indexOf('#');
            String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private static int port(Map<String, String> env) throws IOException {
        String value = env.get(PORT_VARIABLE);
        if (value == null || value.isBlank()) {
            return RemoteHost.DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IOException(PORT_VARIABLE + ": not a TCP port: " + value);
        }
    }

    private static InetAddress bindAddress(Map<String, String> env) throws IOException {
        String value = env.get(BIND_VARIABLE);
        String address = value == null || value.isBlank() ? "0.0.0.0" : value.strip();
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IOException(BIND_VARIABLE + ": not an address: " + address);
        }
    }
}
