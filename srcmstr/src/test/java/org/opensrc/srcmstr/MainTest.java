package org.opensrc.srcmstr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensrc.libsrc.SrcPaths;
import org.opensrc.libsrc.Version;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** srcmstr's command line before anything starts: {@code --help}, {@code --version} and a flag error. */
class MainTest {

    @TempDir Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(
                args,
                new SrcPaths(root),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsTheUsageOnStandardOutputWithoutStartingOrLocking() {
        assertEquals(0, run("--help"));
        assertEquals("Usage: srcmstr [-r] [-B]\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(new SrcPaths(root).lockFile()));
    }

    @Test
    void versionPrintsOneGnuStyleLine() {
        assertEquals(0, run("--version"));
        assertEquals("srcmstr (OpenSRC) " + Version.number() + "\n", out.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(new SrcPaths(root).lockFile()));
    }

    @Test
    void aFlagErrorPrintsTheUsageOnStandardErrorAndExits1AsBefore() {
        assertEquals(1, run("-r", "--help"));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertEquals("Usage: srcmstr [-r] [-B]\n", err.toString(StandardCharsets.UTF_8));
    }
}
