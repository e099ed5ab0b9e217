package org.opensrc.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a program outside the tree (e.g. {@code promtool}) with text on its standard input. */
final class Shell {

    /** A program's combined output and exit status. */
    record Out(int status, String out) {}

    private Shell() {}

    static Out runWithInput(String input, String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(argv))).redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + List.of(argv));
        }
        return new Out(p.exitValue(), out);
    }
}
