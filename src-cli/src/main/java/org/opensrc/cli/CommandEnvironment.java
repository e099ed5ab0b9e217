package org.opensrc.cli;

import java.util.Map;
import org.opensrc.libsrc.SrcPaths;
import org.opensrc.libsrc.client.SrcClient;

/**
 * What a command needs from outside: where srcmstr lives and how to reach it. Tests pass
 * their own root; the launcher passes the process environment.
 */
public record CommandEnvironment(SrcPaths paths, Map<String, String> env) {

    public static CommandEnvironment fromSystem() {
        return new CommandEnvironment(SrcPaths.fromEnvironment(), System.getenv());
    }

    /** A connection to the local srcmstr. */
    public SrcClient connect() {
        return SrcClient.local(paths);
    }
}
