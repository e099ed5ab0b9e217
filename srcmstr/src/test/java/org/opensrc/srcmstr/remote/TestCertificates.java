package org.opensrc.srcmstr.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs dist's mksrccert (openssl) to make real certificates for a test. */
final class TestCertificates {

    private static final Path SCRIPT = Path.of("../dist/src/main/dist/bin/mksrccert").toAbsolutePath().normalize();

    private TestCertificates() {}

    static void run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", SCRIPT.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("mksrccert " + String.join(" ", args) + " failed: " + output);
        }
    }
}
