package org.opensrc.libsrc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Every path OpenSRC uses, derived from one root: {@code /} by default, or the environment variable {@code SRC_ROOT},
 * for srcmstr and every command alike.
 */
public record SrcPaths(Path root) {

    public static final String ROOT_VARIABLE = "SRC_ROOT";

    public SrcPaths {
        root = root.toAbsolutePath().normalize();
    }

    /** The root named by {@code SRC_ROOT} in this process's environment, else {@code /}. */
    public static SrcPaths fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static SrcPaths fromEnvironment(Map<String, String> env) {
        String root = env.get(ROOT_VARIABLE);
        return new SrcPaths(Path.of(root == null || root.isBlank() ? "/" : root));
    }

    /** Registry folder: SRCsubsys, SRCsubsvr and SRCnotify files. */
    public Path registryDir() {
        return root.resolve("etc/src");
    }

    /** srcmstr's configuration file (admin group, timeouts, remote listener). */
    public Path configFile() {
        return registryDir().resolve("srcmstr.conf");
    }

    /**
     * Remote control files: {@code ca.pem}, {@code server.pem}, {@code server.key} and {@code allow} for {@code srcmstr
     * -r}; {@code client.pem}, {@code client.key} and {@code ca.pem} for commands given {@code -h host}
     * (docs/remote.md).
     */
    public Path remoteDir() {
        return registryDir().resolve("remote");
    }

    public Path runDir() {
        return root.resolve("run/src");
    }

    /** The control socket: gRPC over a Unix domain socket. */
    public Path controlSocket() {
        return runDir().resolve("srcmstr.sock");
    }

    /** The lock that allows one srcmstr per root. */
    public Path lockFile() {
        return runDir().resolve("srcmstr.lock");
    }

    public Path stateDir() {
        return root.resolve("var/lib/src");
    }

    public Path logDir() {
        return root.resolve("var/log/src");
    }

    /** Where a subsystem's output lands when its definition says /dev/console. */
    public Path subsystemLog(String subsysname) {
        return logDir().resolve(subsysname + ".log");
    }

    /** inetd's configuration file. */
    public Path inetdConf() {
        return root.resolve("etc/inetd.conf");
    }

    /** Service names: {@code $SRC_ROOT/etc/services} when it exists, else /etc/services. */
    public Path services() {
        Path own = root.resolve("etc/services");
        return Files.exists(own) ? own : Path.of("/etc/services");
    }
}
