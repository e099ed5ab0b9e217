package org.opensrc.srcmstr.trust;

import org.opensrc.libsrc.trust.PathTrust;
import org.opensrc.srcmstr.registry.SubsystemDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The check of a subsystem that runs as root (uid 0): whoever can change its program, or any directory on the way to
 * it, can run code as root. {@code mkssys}/{@code chssys} get a warning; {@code startsrc} logs one and, with {@code
 * strict.permissions=true}, is refused.
 */
public final class RootPrograms {

    private static final Logger LOG = LoggerFactory.getLogger(RootPrograms.class);

    private final PathTrust trust;
    private final boolean strict;

    public RootPrograms(PathTrust trust, boolean strict) {
        this.trust = trust;
        this.strict = strict;
    }

    /** A check that finds nothing (for tests of other parts). */
    public static RootPrograms none() {
        return new RootPrograms(null, false);
    }

    /** What makes {@code def}'s program untrusted, when it runs as root; empty otherwise. */
    public List<PathTrust.Finding> findings(SubsystemDef def) {
        if (trust == null || def.uid() != 0 || def.path() == null || !def.path().startsWith("/")) {
            return List.of();
        }
        return trust.check(Path.of(def.path()));
    }

    /** The warning for a definition just made or changed, or empty; also logged. */
    public Optional<String> warning(SubsystemDef def) {
        List<PathTrust.Finding> findings = findings(def);
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        String text = "warning: " + describe(def, findings);
        LOG.warn("{}: {}", def.subsysname(), text);
        return Optional.of(text);
    }

    /**
     * Before {@code def} is started: logs a warning when its program is untrusted, and with the strict setting returns
     * the refusal the command prints.
     */
    public Optional<String> refusal(SubsystemDef def) {
        List<PathTrust.Finding> findings = findings(def);
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        String text = describe(def, findings);
        if (strict) {
            LOG.error("{}: not started (strict.permissions=true): {}", def.subsysname(), text);
            return Optional.of("srcmstr: not started (strict.permissions=true): " + text);
        }
        LOG.warn("{}: {}", def.subsysname(), text);
        return Optional.empty();
    }

    private static String describe(SubsystemDef def, List<PathTrust.Finding> findings) {
        return def.path()
                + " runs as root but others can change it: "
                + findings.stream().map(PathTrust.Finding::toString).collect(Collectors.joining("; "));
    }
}
