package org.opensrc.srcmstr.registry;

import org.opensrc.libsrc.SafeText;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The characters and ranges every registry value keeps, wherever it comes from: a command, a proto request, a
 * hand-edited registry file or a saved state file. A value that passes can be used by srcmstr (as a file name, a uid, a
 * timer) without any further check; a value that fails is refused where it enters.
 *
 * <p>Names (subsystem, synonym, group, subserver type, notify name) are 1 to 29 bytes (the AIX ODM size) of ASCII
 * letters, digits and {@code . _ - + @}, not starting with {@code .} or {@code -}: they become file names (the
 * subsystem's log) and fields of the colon listing, so no {@code /}, {@code :}, blank or control character. Paths,
 * arguments and methods may hold any character but a control character (so no line break can fake a row of {@code lssrc
 * -S} or a line of the log).
 */
public final class FieldLimits {

    /** The AIX ODM name size (char[30] with its NUL). */
    public static final int NAME_MAX = 29;

    /** Largest uid: uid_t is 32 bits, and 2^31 and above are refused as kernel ids by many tools. */
    public static final long UID_MAX = Integer.MAX_VALUE;

    /** {@code waittime} is an AIX short. */
    public static final int WAITTIME_MAX = Short.MAX_VALUE;

    /** Back-off delays: at most a day. */
    public static final long BACKOFF_MAX_MS = 86_400_000L;

    /** Message queue key and type: AIX longs of 32 bits. */
    public static final long QUEUE_MAX = Integer.MAX_VALUE;

    /** A subserver's code point is a port number for inetd. */
    public static final int SUB_CODE_MAX = 65_535;

    /** One broken limit: the ODM field and what is wrong with its value. */
    public record Violation(String field, String problem) {
        @Override
        public String toString() {
            return field + ": " + problem;
        }
    }

    private FieldLimits() {}

    public static Optional<Violation> check(SubsystemDef d) {
        return first(
                name("subsysname", d.subsysname(), false),
                name("synonym", d.synonym(), true),
                name("grpname", d.grpname(), true),
                text("cmdargs", d.cmdargs()),
                text("path", d.path()),
                text("standin", d.standin()),
                text("standout", d.standout()),
                text("standerr", d.standerr()),
                range("uid", d.uid(), 0, UID_MAX),
                range("auditid", d.auditid(), 0, UID_MAX),
                range("svrkey", d.svrkey(), 0, QUEUE_MAX),
                range("svrmtype", d.svrmtype(), 0, QUEUE_MAX),
                range("waittime", d.waittime(), 0, WAITTIME_MAX),
                range("extensions.backoff_initial_ms", d.extensions().backoffInitialMs(), 0, BACKOFF_MAX_MS),
                range("extensions.backoff_max_ms", d.extensions().backoffMaxMs(), 0, BACKOFF_MAX_MS));
    }

    public static Optional<Violation> check(SubserverDef d) {
        return first(
                name("sub_type", d.subType(), false),
                name("subsysname", d.subsysname(), false),
                range("sub_code", d.subCode(), 0, SUB_CODE_MAX));
    }

    public static Optional<Violation> check(NotifyDef d) {
        return first(name("notifyname", d.notifyname(), false), text("notifymethod", d.notifymethod()));
    }

    /** A name as the rules above say; {@code mayBeEmpty} for optional names (synonym, group). */
    public static Optional<Violation> name(String field, String value, boolean mayBeEmpty) {
        if (value.isEmpty()) {
            return mayBeEmpty ? Optional.empty() : Optional.of(new Violation(field, "must not be empty"));
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > NAME_MAX) {
            return Optional.of(new Violation(field, "longer than " + NAME_MAX + " bytes"));
        }
        char first = value.charAt(0);
        if (first == '.' || first == '-') {
            return Optional.of(
                    new Violation(field, "'" + SafeText.of(value) + "' must not start with '" + first + "'"));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed =
                    (c >= 'a' && c <= 'z')
                            || (c >= 'A' && c <= 'Z')
                            || (c >= '0' && c <= '9')
                            || c == '.'
                            || c == '_'
                            || c == '-'
                            || c == '+'
                            || c == '@';
            if (!allowed) {
                return Optional.of(
                        new Violation(
                                field,
                                "'"
                                        + SafeText.of(value)
                                        + "' holds "
                                        + SafeText.describe(c)
                                        + "; names are letters, digits and . _ - + @"));
            }
        }
        return Optional.empty();
    }

    /** Free text (a path, arguments, a method): anything but control characters. */
    public static Optional<Violation> text(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (SafeText.isControl(c)) {
                return Optional.of(
                        new Violation(
                                field, "holds " + SafeText.describe(c) + " (control characters are not allowed)"));
            }
        }
        return Optional.empty();
    }

    public static Optional<Violation> range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            return Optional.of(new Violation(field, value + " is out of range " + min + ".." + max));
        }
        return Optional.empty();
    }

    @SafeVarargs
    private static Optional<Violation> first(Optional<Violation>... checks) {
        for (Optional<Violation> c : checks) {
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }
}
