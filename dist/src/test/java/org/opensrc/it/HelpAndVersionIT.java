package org.opensrc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensrc.cli.Commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Every launcher of the built tree's {@code bin/}, Java or shell, answers {@code --help} (its usage) and {@code
 * --version} ({@code NAME (OpenSRC) VERSION}, the Maven project version) on standard output with exit status 0, and the
 * daemons do so without starting: nothing appears in their SRC_ROOT.
 */
class HelpAndVersionIT {

    private static final String VERSION = System.getProperty("opensrc.version", "unknown");

    private SrcRoot src;

    @BeforeEach
    void emptyRoot() throws IOException {
        src = SrcRoot.empty();
    }

    @AfterEach
    void removeRoot() throws Exception {
        src.close();
    }

    static List<String> launchers() throws IOException {
        try (var files = Files.list(SrcRoot.TREE.resolve("bin"))) {
            return files.map(Path::getFileName).map(Path::toString).sorted().toList();
        }
    }

    @Test
    void bringsEveryCommandAndBothDaemons() throws IOException {
        List<String> launchers = launchers();
        assertTrue(launchers.containsAll(Commands.names()), launchers.toString());
        assertTrue(
                launchers.containsAll(List.of("srcmstr", "inetd", "loadsrcdefs", "mksrccert")), launchers.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("launchers")
    void helpPrintsTheUsageOnStandardOutputAndExits0(String launcher) throws IOException {
        var help = src.run(launcher, "--help");
        assertEquals(0, help.status(), help.toString());
        assertEquals("", help.err(), help.toString());
        assertTrue(help.out().contains(launcher + " "), help.toString());
        assertRootUntouched();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("launchers")
    void versionPrintsTheBuildsVersionOnOneLineAndExits0(String launcher) throws IOException {
        var version = src.run(launcher, "--version");
        assertEquals(new SrcRoot.Result(0, launcher + " (OpenSRC) " + VERSION + "\n", ""), version);
        assertRootUntouched();
    }

    // no lock, socket, log or state: the daemons answered before starting
    private void assertRootUntouched() throws IOException {
        try (var files = Files.list(src.root)) {
            assertEquals(List.of(), files.toList());
        }
    }
}
