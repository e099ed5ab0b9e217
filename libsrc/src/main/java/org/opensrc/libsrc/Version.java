package org.opensrc.libsrc;

/**
 * The line a program prints for {@code --version}, as GNU programs print it: {@code lssrc (OpenSRC) 0.1.0}. The number
 * is the Maven project version, which the build writes into each jar's manifest ({@code Implementation-Version}); the
 * class loader has read it already when it opened the jar, so nothing more is read here. Classes not loaded from a jar
 * (an IDE, a module's unit tests) have no version: {@code unknown}.
 */
public final class Version {

    private Version() {}

    /** {@code program (OpenSRC) version}. */
    public static String line(String program) {
        return program + " (OpenSRC) " + number();
    }

    /** The Maven project version of this build, or {@code unknown} outside a jar. */
    public static String number() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
