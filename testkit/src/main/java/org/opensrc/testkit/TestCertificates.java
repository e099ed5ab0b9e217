package org.opensrc.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs dist's mksrccert (openssl) to make real certificates for a test. The script is found from the module the test
 * runs in ({@code ../dist}), so this serves the modules next to dist.
 */
public final class TestCertificates {

    private static final Path SCRIPT = Path.of("../dist/src/main/dist/bin/mksrccert").toAbsolutePath().normalize();

    private TestCertificates() {}

    /** Runs {@code mksrccert args...}; throws if it fails or does not end within 30 seconds. */
    public static void run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", SCRIPT.toString()));
        command.addAll(List.of(args));
        exec(command);
    }

    /**
     * A client bundle in {@code out} whose subject is {@code /CN=first/CN=second}, signed by the CA in {@code site}
     * with openssl directly (mksrccert refuses such names).
     */
    public static Path withTwoCommonNames(Path site, Path out, String first, String second)
            throws IOException, InterruptedException {
        Files.createDirectories(out);
        String key = out.resolve("client.key").toString();
        String csr = out.resolve("client.csr").toString();
        Path ext =
                Files.writeString(
                        out.resolve("ext"),
                        "basicConstraints=CA:FALSE\n"
                                + "keyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n");
        exec(List.of("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key));
        exec(List.of("openssl", "req", "-new", "-key", key, "-subj", "/CN=" + first + "/CN=" + second, "-out", csr));
        exec(
                List.of(
                        "openssl",
                        "x509",
                        "-req",
                        "-in",
                        csr,
                        "-CA",
                        site.resolve("ca.pem").toString(),
                        "-CAkey",
                        site.resolve("ca.key").toString(),
                        "-CAserial",
                        site.resolve("ca.srl").toString(),
                        "-days",
                        "30",
                        "-sha256",
                        "-extfile",
                        ext.toString(),
                        "-out",
                        out.resolve("client.pem").toString()));
        Files.copy(site.resolve("ca.pem"), out.resolve("ca.pem"));
        return out;
    }

    private static void exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
