package org.opensrc.inetd;

/**
 * The result of {@link Inetd#enable} or {@link Inetd#disable}: whether the file has lines for that service,
 * how many lines were rewritten, the reload that followed, and how many children were killed.
 */
public record SubserverChange(String service, boolean known, int linesChanged, ReloadReport reload, int killed) {}
