package org.opensrc.cli.control;

import picocli.CommandLine.Option;

/**
 * The flags that say which subsystems a control command acts on ({@code -s}, {@code -g}, {@code -p}) and on which host
 * ({@code -h}); a picocli mixin of startsrc, stopsrc, lssrc, refresh, traceson and tracesoff. Each command checks which
 * combinations it allows. The field names are the labels picocli puts in its flag errors ({@code <subsystem>}).
 */
final class TargetFlags {

    @Option(names = "-s")
    String subsystem;

    @Option(names = "-g")
    String group;

    @Option(names = "-p")
    Integer pid;

    @Option(names = "-h")
    String host;
}
