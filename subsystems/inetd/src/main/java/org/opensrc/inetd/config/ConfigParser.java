package org.opensrc.inetd.config;

import org.opensrc.libsrc.conffile.CommentedLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads inetd.conf in the common dialects: the seven classic fields; {@code wait|nowait} with openbsd's {@code .max}
 * and FreeBSD's {@code /max-child/max-connections-per-ip-per-minute[/max-child-per-ip]}; {@code user}, {@code
 * user:group}, {@code user.group} (and FreeBSD's {@code /login-class}, ignored); protocols {@code tcp udp tcp4 udp4
 * tcp6 udp6 tcp46 udp46} (with openbsd's {@code ,sndbuf=}/{@code ,rcvbuf=} accepted and ignored); {@code host:}
 * prefixes (a comma list, {@code *} for any) that also set the default for the following lines, and lines made only of
 * {@code host:}; {@code internal}; commented service lines ({@code #} and Debian's {@code #<off>#}) kept as disabled
 * entries. Services are names from the services file or port numbers. For a numeric service, {@code internal NAME} says
 * which internal one.
 *
 * <p>A bad line becomes a {@link Problem} and is skipped; the others load. The user and group of an enabled line must
 * exist ({@link Accounts}): an unknown one is a bad line, found when the file is read rather than when a client
 * connects.
 */
public final class ConfigParser {
    /** How AIX's inetd and chsubserver comment a line out: a plain {@code #} before it ({@link CommentedLine}). */
    public static final String COMMENT = CommentedLine.COMMENT;

    /** Debian's update-inetd marker for a disabled line (read, never written). */
    public static final String OFF_MARKER = CommentedLine.OFF_MARKER;

    /** The internal services this inetd implements. */
    public static final Set<String> INTERNALS = Set.of("echo", "discard", "chargen", "daytime", "time");

    private static final Pattern WAIT =
            Pattern.compile("(wait|nowait)(?:\\.(\\d+))?(?:/(\\d+)(?:/(\\d+)(?:/(\\d+))?)?)?");
    private static final Pattern USER = Pattern.compile("([^:./]+)(?:[:.]([^:./]+))?(?:/[^/]+)?");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:%*-]+");

    private final ServicesFile services;
    private final Accounts accounts;

    public ConfigParser(ServicesFile services, Accounts accounts) {
        this.services = services;
        this.accounts = accounts;
    }

    /** A parser that checks users and groups against the system's databases. */
    public ConfigParser(ServicesFile services) {
        this(services, Accounts.SYSTEM);
    }

    /** Parses a file; an unreadable file is a problem at line 0 and no services. */
    public InetdConfig parse(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            return new InetdConfig(
                    file, List.of(), List.of(), List.of(new Problem(file, 0, "cannot read: " + e.getMessage())));
        }
        return parse(file, text);
    }

    public InetdConfig parse(Path file, String text) {
        List<String> lines = text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
        if (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines = lines.subList(0, lines.size() - 1);
        }
        List<ServiceEntry> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String defaultHost = "*";
        for (int i = 0; i < lines.size(); i++) {
            int n = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            Optional<String> commented = CommentedLine.body(line);
            if (commented.isPresent()) {
                String[] f = fields(commented.get());
                if (f.length >= 6 && parseEntry(f, defaultHost, file, n, false) instanceof Parsed p) {
                    entries.addAll(p.entries());
                }
                continue;
            }
            String[] f = fields(line);
            if (f.length == 1 && f[0].endsWith(":")) {
                String host = f[0].substring(0, f[0].length() - 1);
                if (badHosts(host).isPresent()) {
                    problems.add(new Problem(file, n, badHosts(host).get()));
                } else {
                    defaultHost = host.isEmpty() ? "*" : host;
                }
                continue;
            }
            switch (parseEntry(f, defaultHost, file, n, true)) {
                case Parsed p -> {
                    entries.addAll(p.entries());
                    defaultHost = p.defaultHost();
                }
                case Rejected r -> problems.add(new Problem(file, n, r.message()));
            }
        }
        return new InetdConfig(file, lines, entries, problems);
    }

    private sealed interface Outcome permits Parsed, Rejected {}

    private record Parsed(List<ServiceEntry> entries, String defaultHost) implements Outcome {}

    private record Rejected(String message) implements Outcome {}

    private static String[] fields(String s) {
        String t = s.strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    private Outcome parseEntry(String[] f, String defaultHost, Path file, int line, boolean enabled) {
        if (f.length < 6) {
            return new Rejected(
                    "expected at least 6 fields (service socket-type protocol wait user server), got " + f.length);
        }
        String service = f[0];
        String hostSpec = defaultHost;
        String newDefault = defaultHost;
        int colon = service.lastIndexOf(':');
        if (colon >= 0) {
            hostSpec = service.substring(0, colon);
            service = service.substring(colon + 1);
            if (hostSpec.isEmpty()) {
                hostSpec = "*";
            }
            Optional<String> bad = badHosts(hostSpec);
            if (bad.isPresent()) {
                return new Rejected(bad.get());
            }
            newDefault = hostSpec;
        }
        if (service.isEmpty()) {
            return new Rejected("empty service name");
        }
        if (service.contains("/")) {
            return new Rejected("unsupported service " + service + " (RPC and TCPMUX services are not supported)");
        }
        String sockToken = f[1];
        SocketType socketType =
                switch (sockToken) {
                    case "stream" -> SocketType.STREAM;
                    case "dgram" -> SocketType.DGRAM;
                    default -> null;
                };
        if (socketType == null) {
            return new Rejected("unsupported socket type " + sockToken);
        }
        String protoToken = f[2].split(",", 2)[0];
        Optional<Protocol> protocol = Protocol.parse(protoToken);
        if (protocol.isEmpty()) {
            return new Rejected("unsupported protocol " + protoToken);
        }
        Protocol proto = protocol.get();
        if (proto.socketType() != socketType) {
            return new Rejected("socket type " + sockToken + " does not go with protocol " + protoToken);
        }
        Matcher w = WAIT.matcher(f[3]);
        if (!w.matches()) {
            return new Rejected("bad wait/nowait field " + f[3]);
        }
        boolean wait = w.group(1).equals("wait");
        int rate = w.group(2) == null ? ServiceEntry.Limits.DEFAULT_SPAWNS_PER_MINUTE : parseLimit(w.group(2));
        int maxChild = w.group(3) == null ? 0 : parseLimit(w.group(3));
        int perIp = w.group(4) == null ? 0 : parseLimit(w.group(4));
        if (rate < 0 || maxChild < 0 || perIp < 0 || (w.group(5) != null && parseLimit(w.group(5)) < 0)) {
            return new Rejected("limit out of range in " + f[3]);
        }
        Matcher u = USER.matcher(f[4]);
        if (!u.matches()) {
            return new Rejected("bad user field " + f[4]);
        }
        if (enabled && !accounts.userExists(u.group(1))) {
            return new Rejected("unknown user " + u.group(1));
        }
        if (enabled && u.group(2) != null && !accounts.groupExists(u.group(2))) {
            return new Rejected("unknown group " + u.group(2));
        }
        String server = f[5];
        List<String> args = List.of(f).subList(6, f.length);
        Optional<String> internal = Optional.empty();
        if (ServiceEntry.isInternalServer(server)) {
            String which = INTERNALS.contains(service) ? service : args.isEmpty() ? service : args.getFirst();
            if (!INTERNALS.contains(which)) {
                return new Rejected("internal service " + which + " unknown");
            }
            internal = Optional.of(which);
            args = List.of(which);
        } else {
            if (!server.startsWith("/")) {
                return new Rejected("server " + server + " is not an absolute path");
            }
            if (!wait && socketType == SocketType.DGRAM) {
                return new Rejected("dgram services must be wait (only internal ones may be nowait)");
            }
            if (args.isEmpty()) {
                args = List.of(server.substring(server.lastIndexOf('/') + 1));
            }
        }
        OptionalInt port = services.port(service, proto.servicesProto());
        if (port.isEmpty()) {
            return new Rejected("unknown service " + service + "/" + proto.servicesProto());
        }
        List<ServiceEntry> out = new ArrayList<>();
        for (String host : hostSpec.split(",")) {
            String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            if (!"*".equals(h) && familyMismatch(h, proto)) {
                return new Rejected("address " + h + " does not go with protocol " + protoToken);
            }
            out.add(
                    new ServiceEntry(
                            service,
                            proto,
                            h,
                            port.getAsInt(),
                            wait,
                            new ServiceEntry.Limits(rate, maxChild, perIp),
                            u.group(1),
                            Optional.ofNullable(u.group(2)),
                            server,
                            args,
                            internal,
                            enabled,
                            file,
                            line));
        }
        return new Parsed(out, newDefault);
    }

    private static int parseLimit(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Optional<String> badHosts(String spec) {
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        for (String host : spec.split(",", -1)) {
            String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            if (h.isEmpty() || !HOST.matcher(h).matches() || (h.contains("*") && !h.equals("*"))) {
                return Optional.of("bad bind address " + host);
            }
        }
        return Optional.empty();
    }

    private static boolean familyMismatch(String host, Protocol proto) {
        boolean v6Literal = host.contains(":");
        boolean v4Literal = host.matches("[0-9.]+");
        return switch (proto.family()) {
            case V4 -> v6Literal;
            case V6 -> v4Literal;
            case DUAL -> false;
        };
    }
}
