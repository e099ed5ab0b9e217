package org.opensrc.inetd.control;

import org.opensrc.inetd.config.Problem;

import java.nio.file.Path;
import java.util.List;

/** The whole super-server at one moment: configuration file, tracing, services, and the file's problems. */
public record InetdSnapshot(
        Path configFile, boolean trace, int totalRunning, List<ServiceStatus> services, List<Problem> problems) {
    public InetdSnapshot {
        services = List.copyOf(services);
        problems = List.copyOf(problems);
    }
}
