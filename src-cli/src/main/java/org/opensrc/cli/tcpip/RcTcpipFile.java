package org.opensrc.cli.tcpip;

import org.opensrc.cli.command.SrcCommand;
import org.opensrc.libsrc.SrcPaths;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which rc.tcpip {@code chrctcp} edits: the root's own {@code $SRC_ROOT/etc/rc.tcpip} (with the default root {@code
 * /etc/rc.tcpip}, AIX's place) when there is one; else the one shipped in the installed tree, {@code
 * $OPENSRC_HOME/etc/rc.tcpip}, or the tree this command runs from ({@code bin/../etc/rc.tcpip}), which is the file
 * inittab and the systemd unit run (docs/boot.md).
 */
final class RcTcpipFile {

    private RcTcpipFile() {}

    static Path locate(SrcPaths paths, Map<String, String> env) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(paths.root().resolve("etc/rc.tcpip"));
        String home = env.get("OPENSRC_HOME");
        if (home != null && !home.isBlank()) {
            candidates.add(Path.of(home, "etc/rc.tcpip"));
        }
        installedTree().ifPresent(tree -> candidates.add(tree.resolve("etc/rc.tcpip")));
        return candidates.stream()
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(
                        () ->
                                new SrcCommand.Refusal(
                                        "chrctcp: there is no rc.tcpip (looked for "
                                                + String.join(", ", candidates.stream().map(Path::toString).toList())
                                                + ")"));
    }

    /** The tree whose {@code lib/} holds this command's jar. */
    private static Optional<Path> installedTree() {
        try {
            var source = RcTcpipFile.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path jar = Path.of(source.getLocation().toURI());
            Path lib = jar.getParent();
            return lib != null && lib.getFileName() != null && lib.getFileName().toString().equals("lib")
                    ? Optional.ofNullable(lib.getParent())
                    : Optional.empty();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
