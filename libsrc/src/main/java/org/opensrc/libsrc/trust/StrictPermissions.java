package org.opensrc.libsrc.trust;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The {@value #KEY} setting of {@code srcmstr.conf}: {@code true} turns the warnings about files others can change
 * ({@link PathTrust}) into refusals. srcmstr reads it with its other settings; inetd, which has no configuration of its
 * own for it, reads it here.
 */
public final class StrictPermissions {

    public static final String KEY = "strict.permissions";

    private StrictPermissions() {}

    /**
     * @throws IllegalArgumentException when the value is neither {@code true} nor {@code false}
     */
    public static boolean parse(String value) {
        return switch (value.strip()) {
            case "true" -> true;
            case "false", "" -> false;
            default -> throw new IllegalArgumentException(KEY + ": not true or false: '" + value.strip() + "'");
        };
    }

    /** The setting in {@code srcmstrConf}; false when the file or the key is missing. */
    public static boolean readFrom(Path srcmstrConf) throws IOException {
        if (!Files.exists(srcmstrConf)) {
            return false;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(srcmstrConf)) {
            p.load(r);
        }
        try {
            return parse(p.getProperty(KEY, "false"));
        } catch (IllegalArgumentException e) {
            throw new IOException(srcmstrConf + ": " + e.getMessage());
        }
    }
}
