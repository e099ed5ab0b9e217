package org.opensrc.srcmstr.trust;

import org.opensrc.libsrc.SrcPaths;
import org.opensrc.libsrc.trust.PathTrust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What srcmstr checks of its own configuration when it starts: {@code srcmstr.conf} and the registry (its folder and
 * every file in it), each with every directory up to {@code /}. Whoever can change them can define a root subsystem or
 * add an admin group.
 */
public final class ConfigurationFiles {

    private ConfigurationFiles() {}

    /** Every finding, without repeats (the registry files share their directories). */
    public static List<PathTrust.Finding> check(SrcPaths paths, PathTrust trust) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(paths.configFile());
        files.add(paths.registryDir());
        if (Files.isDirectory(paths.registryDir())) {
            try (Stream<Path> entries = Files.list(paths.registryDir())) {
                entries.sorted().forEach(files::add);
            }
        }
        Set<PathTrust.Finding> findings = new LinkedHashSet<>();
        for (Path file : files) {
            findings.addAll(trust.check(file));
        }
        return List.copyOf(findings);
    }
}
