package org.opensrc.inetd.control;

/**
 * The result of {@link InetdControl#enable} or {@link InetdControl#disable}: whether the file has lines for that
 * service, how many lines were rewritten, the reload that followed, and how many children were killed.
 */
public record SubserverChange(String service, boolean known, int linesChanged, ReloadReport reload, int killed) {}
