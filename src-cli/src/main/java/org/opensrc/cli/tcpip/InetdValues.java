package org.opensrc.cli.tcpip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fields of an inetd.conf line as {@code chsubserver}'s flags give them (null: not given): which lines a request
 * selects, and the values a new or changed line gets. Every given value is checked before the file is touched, by the
 * rules inetd reads the file with, so a value inetd would refuse is refused here, naming the problem.
 *
 * @param args the program's arguments, argv[0] first; empty when not given
 */
record InetdValues(
        String service,
        String protocol,
        String socketType,
        String waits,
        String user,
        String program,
        List<String> args) {

    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "tcp4", "udp4", "tcp6", "udp6", "tcp46", "udp46");
    private static final Pattern SERVICE = Pattern.compile("[^\\s#/]+");
    private static final Pattern WAIT = Pattern.compile("(wait|nowait)(\\.\\d+)?(/\\d+(/\\d+(/\\d+)?)?)?");
    private static final Pattern USER = Pattern.compile("[^\\s:./#]+([:.][^\\s:./#]+)?");

    InetdValues {
        args = List.copyOf(args);
    }

    static Optional<String> socketTypeProblem(String socketType) {
        if (socketType.equals("stream") || socketType.equals("dgram")) {
            return Optional.empty();
        }
        if (socketType.startsWith("sunrpc")) {
            return Optional.of("socket type " + socketType + " is not supported (OpenSRC's inetd serves no RPC)");
        }
        return Optional.of("socket type " + socketType + " is not stream or dgram");
    }

    static Optional<String> protocolProblem(String protocol) {
        return PROTOCOLS.contains(protocol.toLowerCase(Locale.ROOT))
                ? Optional.empty()
                : Optional.of("protocol " + protocol + " is not one of tcp, udp, tcp6, udp6, tcp46, udp46");
    }

    /** The first given value that inetd would not read, as a message; empty when all are good. */
    Optional<String> problem() {
        List<Optional<String>> problems = new ArrayList<>();
        if (service != null && !SERVICE.matcher(service).matches()) {
            problems.add(Optional.of("service name '" + service + "' is empty or holds a blank, '#' or '/'"));
        }
        if (protocol != null) {
            problems.add(protocolProblem(protocol));
        }
        if (socketType != null) {
            problems.add(socketTypeProblem(socketType));
        }
        if (waits != null && !WAIT.matcher(waits).matches()) {
            problems.add(Optional.of("wait indicator " + waits + " is not wait or nowait"));
        }
        if (user != null && !USER.matcher(user).matches()) {
            problems.add(Optional.of("user '" + user + "' is not a user name (user, user:group or user.group)"));
        }
        if (program != null && !program.equals("internal") && (!program.startsWith("/") || blank(program))) {
            problems.add(Optional.of("program " + program + " is not an absolute path or internal"));
        }
        for (String arg : args) {
            if (arg.isEmpty() || blank(arg)) {
                problems.add(Optional.of("program argument '" + arg + "' is empty or holds a blank"));
            }
        }
        return problems.stream().flatMap(Optional::stream).findFirst();
    }

    /** The problem of a complete line made of these values (every field given), beyond {@link #problem()}. */
    Optional<String> lineProblem() {
        boolean stream = normalized(protocol).startsWith("tcp");
        if (!socketType.equals(stream ? "stream" : "dgram")) {
            return Optional.of("socket type " + socketType + " does not go with protocol " + protocol);
        }
        if (!stream && !program.equals("internal") && base(waits).equals("nowait")) {
            return Optional.of("dgram services must be wait (only internal ones may be nowait)");
        }
        return Optional.empty();
    }

    /** True when the line is for this service and protocol. */
    boolean sameService(InetdConfLine line) {
        String written = line.field(InetdConfLine.SERVICE);
        boolean name = service.contains(":") ? written.equals(service) : line.serviceName().equals(service);
        return name && normalized(line.protocolToken()).equals(normalized(protocol));
    }

    /** True when the line is for this service and protocol and agrees with every other value given. */
    boolean selects(InetdConfLine line) {
        return sameService(line)
                && (socketType == null || line.field(InetdConfLine.SOCKET_TYPE).equals(socketType))
                && (waits == null || base(line.field(InetdConfLine.WAIT)).equals(base(waits)))
                && (user == null || base(line.field(InetdConfLine.USER)).equals(base(user)))
                && (program == null || line.field(InetdConfLine.PROGRAM).equals(program))
                && (args.isEmpty() || line.args().equals(args));
    }

    /** The user name without a group. */
    String userName() {
        return base(user);
    }

    /** These values with the given ones of {@code changes} put in their place. */
    InetdValues with(InetdValues changes) {
        return new InetdValues(
                Objects.requireNonNullElse(changes.service, service),
                Objects.requireNonNullElse(changes.protocol, protocol),
                Objects.requireNonNullElse(changes.socketType, socketType),
                Objects.requireNonNullElse(changes.waits, waits),
                Objects.requireNonNullElse(changes.user, user),
                Objects.requireNonNullElse(changes.program, program),
                changes.args.isEmpty() ? args : changes.args);
    }

    /** The values a line holds. */
    static InetdValues of(InetdConfLine line) {
        return new InetdValues(
                line.field(InetdConfLine.SERVICE),
                line.field(InetdConfLine.PROTOCOL),
                line.field(InetdConfLine.SOCKET_TYPE),
                line.field(InetdConfLine.WAIT),
                line.field(InetdConfLine.USER),
                line.field(InetdConfLine.PROGRAM),
                line.args());
    }

    private static String normalized(String protocol) {
        String p = protocol.toLowerCase(Locale.ROOT);
        return p.equals("tcp4") ? "tcp" : p.equals("udp4") ? "udp" : p;
    }

    private static String base(String value) {
        return value.split("[.:/]", 2)[0];
    }

    private static boolean blank(String s) {
        return s.chars().anyMatch(Character::isWhitespace);
    }
}
