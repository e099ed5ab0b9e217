package org.opensrc.inetd;

import java.nio.file.Path;
import java.time.Duration;
import org.opensrc.libsrc.SrcPaths;

/**
 * Where inetd reads from and its global limits.
 *
 * @param configFile         inetd.conf
 * @param servicesFile       the services file (re-read on each reload)
 * @param etcDir             where {@code hosts.allow} and {@code hosts.deny} are looked for
 * @param maxChildren        global cap on running children and internal streams, 0 = none
 * @param maxInternalStreams how many echo/discard/chargen TCP connections may run at once
 * @param internalIdle       idle timeout of an internal TCP stream
 */
public record InetdSettings(Path configFile, Path servicesFile, Path etcDir, int maxChildren,
                            int maxInternalStreams, Duration internalIdle) {
    public static final int DEFAULT_MAX_CHILDREN = 1024;
    public static final int DEFAULT_MAX_INTERNAL_STREAMS = 64;
    public static final Duration DEFAULT_INTERNAL_IDLE = Duration.ofMinutes(2);

    /** The SRC layout: {@code $SRC_ROOT/etc/inetd.conf}, its services file and etc directory. */
    public static InetdSettings of(SrcPaths paths) {
        return of(paths.inetdConf(), paths.services(), paths.root().resolve("etc"));
    }

    public static InetdSettings of(Path configFile, Path servicesFile, Path etcDir) {
        return new InetdSettings(configFile, servicesFile, etcDir, DEFAULT_MAX_CHILDREN,
                DEFAULT_MAX_INTERNAL_STREAMS, DEFAULT_INTERNAL_IDLE);
    }

    public InetdSettings withConfigFile(Path file) {
        return new InetdSettings(file, servicesFile, etcDir, maxChildren, maxInternalStreams, internalIdle);
    }

    public InetdSettings withMaxChildren(int max) {
        return new InetdSettings(configFile, servicesFile, etcDir, max, maxInternalStreams, internalIdle);
    }
}
