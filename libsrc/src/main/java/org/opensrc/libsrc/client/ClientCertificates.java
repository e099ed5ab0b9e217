package org.opensrc.libsrc.client;

import org.opensrc.libsrc.SrcPaths;

import java.nio.file.Path;
import java.util.Map;

/**
 * The files a command presents to a remote srcmstr: {@code client.pem} (its certificate), {@code client.key} (PKCS#8
 * PEM) and {@code ca.pem} (the site CA that signed the server). They live in {@code $SRC_CERT_DIR} when that is set,
 * else in {@code $SRC_ROOT/etc/src/remote/} (docs/remote.md).
 */
public record ClientCertificates(Path dir) {

    public static final String DIR_VARIABLE = "SRC_CERT_DIR";

    public static ClientCertificates fromEnvironment(SrcPaths paths, Map<String, String> env) {
        String dir = env.get(DIR_VARIABLE);
        return new ClientCertificates(dir == null || dir.isBlank() ? paths.remoteDir() : Path.of(dir));
    }

    public Path certificate() {
        return dir.resolve("client.pem");
    }

    public Path key() {
        return dir.resolve("client.key");
    }

    public Path authority() {
        return dir.resolve("ca.pem");
    }
}
