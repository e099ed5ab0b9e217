package org.opensrc.inetd;

import org.opensrc.libsrc.SrcPaths;
import org.opensrc.libsrc.trust.StrictPermissions;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where inetd reads from and its global limits.
 *
 * @param configFile inetd.conf
 * @param servicesFile the services file (re-read on each reload)
 * @param etcDir where {@code hosts.allow} and {@code hosts.deny} are looked for
 * @param maxChildren global cap on running children and internal streams, 0 = none
 * @param maxInternalStreams how many echo/discard/chargen TCP connections may run at once
 * @param internalIdle idle timeout of an internal TCP stream
 * @param strictPermissions refuse to load a configuration file others can change (srcmstr.conf's {@code
 *     strict.permissions}); false: only warn
 */
public record InetdSettings(
        Path configFile,
        Path servicesFile,
        Path etcDir,
        int maxChildren,
        int maxInternalStreams,
        Duration internalIdle,
        boolean strictPermissions) {
    public static final int DEFAULT_MAX_CHILDREN = 1024;
    public static final int DEFAULT_MAX_INTERNAL_STREAMS = 64;
    public static final Duration DEFAULT_INTERNAL_IDLE = Duration.ofMinutes(2);

    /**
     * The SRC layout: {@code $SRC_ROOT/etc/inetd.conf}, its services file and etc directory, and the strict setting of
     * that root's {@code srcmstr.conf}.
     *
     * @throws IOException when srcmstr.conf cannot be read or its strict setting is not valid
     */
    public static InetdSettings of(SrcPaths paths) throws IOException {
        return of(paths.inetdConf(), paths.services(), paths.root().resolve("etc"))
                .withStrictPermissions(StrictPermissions.readFrom(paths.configFile()));
    }

    public static InetdSettings of(Path configFile, Path servicesFile, Path etcDir) {
        return new InetdSettings(
                configFile,
                servicesFile,
                etcDir,
                DEFAULT_MAX_CHILDREN,
                DEFAULT_MAX_INTERNAL_STREAMS,
                DEFAULT_INTERNAL_IDLE,
                false);
    }

    public InetdSettings withConfigFile(Path file) {
        return new InetdSettings(
                file, servicesFile, etcDir, maxChildren, maxInternalStreams, internalIdle, strictPermissions);
    }

    public InetdSettings withStrictPermissions(boolean strict) {
        return new InetdSettings(
                configFile, servicesFile, etcDir, maxChildren, maxInternalStreams, internalIdle, strict);
    }
}
