package org.opensrc.cli.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensrc.cli.CommandEnvironment;
import org.opensrc.cli.Commands;
import org.opensrc.libsrc.SrcPaths;

class StartsrcTest {

    @TempDir
    Path root;

    /** Runs startsrc against a root with no srcmstr; returns what it printed on both streams. */
    private String startsrc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Commands.run("startsrc", args, new PrintWriter(out), new PrintWriter(err),
                new CommandEnvironment(new SrcPaths(root), Map.of(), () -> 1000));
        assertEquals(1, status, out + "" + err);
        return out + "" + err;
    }

    @Test
    void anArgumentOf1200CharactersIsAcceptedAsIbmDocuments() {
        String printed = startsrc("-s", "d1", "-a", "x".repeat(1200));
        assertFalse(printed.contains("argument is too long"), printed);
        assertTrue(printed.contains("0513-001"), "it went on to ask srcmstr: " + printed);
    }

    @Test
    void anArgumentOf1201CharactersIsTooLong() {
        String printed = startsrc("-s", "d1", "-a", "x".repeat(1201));
        assertTrue(printed.contains("The startsrc argument is too long."), printed);
        assertFalse(printed.contains("0513-001"), printed);
    }
}
