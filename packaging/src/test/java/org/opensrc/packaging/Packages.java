package org.opensrc.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The packages the build made (module packaging, build-packages) and the tree they were made from. */
final class Packages {

    static final Path DIR = Path.of(System.getProperty("opensrc.packages", "target/packages"));
    static final Path SOURCES = Path.of(System.getProperty("opensrc.package.dir", "src/main/package"));
    static final Path TREE = Path.of(System.getProperty("opensrc.tree", "../dist/target/opensrc"));
    static final String POM_VERSION = System.getProperty("opensrc.version", "0.1.0-SNAPSHOT");

    /** The packages' version: the pom's, with "~" for "-" (a snapshot sorts before its release). */
    static final String VERSION = POM_VERSION.replace('-', '~');

    private Packages() {}

    static Path deb() {
        return DIR.resolve("opensrc_" + VERSION + "_amd64.deb").toAbsolutePath();
    }

    static Path rpm() {
        return DIR.resolve("opensrc-" + VERSION + "-1.x86_64.rpm").toAbsolutePath();
    }

    /** The names of the tree's launchers: every command, srcmstr, inetd, loadsrcdefs, mksrccert. */
    static List<String> launchers() throws IOException {
        try (Stream<Path> files = Files.list(TREE.resolve("bin"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Where a launcher is on the installed system's path (inetd is not: srcmstr starts it). */
    static String installedCommand(String launcher) {
        return switch (launcher) {
            case "srcmstr", "loadsrcdefs", "mksrccert" -> "/usr/sbin/" + launcher;
            case "inetd" -> "/usr/lib/opensrc/bin/inetd";
            default -> "/usr/bin/" + launcher;
        };
    }

    /** Its man page, section 1 for the commands, 8 for the daemons and the admin's tools. */
    static String manPage(String launcher) {
        return switch (launcher) {
            case "srcmstr", "loadsrcdefs", "mksrccert" -> "/usr/share/man/man8/" + launcher + ".8.gz";
            case "inetd" -> "/usr/share/man/man8/opensrc-inetd.8.gz";
            default -> "/usr/share/man/man1/" + launcher + ".1.gz";
        };
    }
}
