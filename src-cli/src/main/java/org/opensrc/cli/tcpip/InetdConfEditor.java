package org.opensrc.cli.tcpip;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The edits of {@code chsubserver} on the text of inetd.conf, pure: activate ({@code -a}: uncomment the entry, else add
 * it), deactivate ({@code -d}: comment every active entry out with a plain {@code #}), change ({@code -c}). Lines that
 * are not edited are kept byte for byte, and so is every byte of an edited line but the fields that change. A request
 * that is not good is refused before anything changes, with a message that names the problem.
 */
final class InetdConfEditor {

    /** What the editor asks the system: whether a service name and a user exist. */
    interface Checks {
        boolean serviceKnown(String name, String protocol);

        boolean userExists(String user);
    }

    /** The outcome of an edit. */
    sealed interface Result permits Changed, Unchanged, Refused {}

    /** The new text of the file. */
    record Changed(String text) implements Result {}

    /** Nothing to do: the file already says so. */
    record Unchanged() implements Result {}

    /** The request is refused; the file stays as it is. */
    record Refused(String problem) implements Result {}

    private final Checks checks;

    InetdConfEditor(Checks checks) {
        this.checks = checks;
    }

    /**
     * {@code -a}: the active entry stays; else the first commented entry that agrees is uncommented; else one is added.
     */
    Result activate(String text, InetdValues wanted) {
        Optional<String> problem = wanted.problem();
        if (problem.isPresent()) {
            return new Refused(problem.get());
        }
        Lines lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            Optional<InetdConfLine> line = lines.service(i);
            if (line.isPresent() && line.get().enabled() && wanted.sameService(line.get())) {
                return wanted.selects(line.get())
                        ? new Unchanged()
                        : new Refused(
                                wanted.service()
                                        + "/"
                                        + wanted.protocol()
                                        + " is already active on line "
                                        + (i + 1)
                                        + " with other values; change it with -c");
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            Optional<InetdConfLine> line = lines.service(i);
            if (line.isPresent() && !line.get().enabled() && wanted.selects(line.get())) {
                return new Changed(lines.with(i, line.get().uncommented().text()).text());
            }
        }
        return add(lines, wanted);
    }

    private Result add(Lines lines, InetdValues given) {
        if (given.user() == null || given.program() == null) {
            return new Refused(
                    "there is no "
                            + given.service()
                            + "/"
                            + given.protocol()
                            + " entry to activate; to add one, give at least -u user and -g program");
        }
        boolean stream = given.protocol().toLowerCase(java.util.Locale.ROOT).startsWith("tcp");
        String program = given.program();
        List<String> args =
                !given.args().isEmpty() || program.equals("internal")
                        ? given.args()
                        : List.of(program.substring(program.lastIndexOf('/') + 1));
        InetdValues line =
                new InetdValues(
                        given.service(),
                        given.protocol(),
                        given.socketType() != null ? given.socketType() : stream ? "stream" : "dgram",
                        given.waits() != null ? given.waits() : stream ? "nowait" : "wait",
                        given.user(),
                        program,
                        args);
        Optional<String> problem = newLineProblem(line, true, true);
        if (problem.isPresent()) {
            return new Refused(problem.get());
        }
        List<String> fields =
                new ArrayList<>(
                        List.of(
                                line.service(),
                                line.socketType(),
                                line.protocol(),
                                line.waits(),
                                line.user(),
                                program));
        if (!args.isEmpty()) {
            fields.add(String.join(" ", args));
        }
        return new Changed(lines.append(String.join("\t", fields)).text());
    }

    /** {@code -d}: every active entry that agrees with {@code selector} is commented out. */
    Result deactivate(String text, InetdValues selector) {
        Optional<String> problem = selector.problem();
        if (problem.isPresent()) {
            return new Refused(problem.get());
        }
        Lines lines = Lines.of(text);
        boolean changed = false;
        for (int i = 0; i < lines.size(); i++) {
            Optional<InetdConfLine> line = lines.service(i);
            if (line.isPresent() && line.get().enabled() && selector.selects(line.get())) {
                lines = lines.with(i, line.get().commentedOut().text());
                changed = true;
            }
        }
        return changed ? new Changed(lines.text()) : new Unchanged();
    }

    /**
     * {@code -c}: every active entry that agrees with {@code selector} (else the first commented one, which stays
     * commented) gets the values of {@code changes}.
     */
    Result change(String text, InetdValues selector, InetdValues changes) {
        Optional<String> problem = selector.problem().or(changes::problem);
        if (problem.isPresent()) {
            return new Refused(problem.get());
        }
        Lines lines = Lines.of(text);
        List<Integer> targets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Optional<InetdConfLine> line = lines.service(i);
            if (line.isPresent() && line.get().enabled() && selector.selects(line.get())) {
                targets.add(i);
            }
        }
        if (targets.isEmpty()) {
            for (int i = 0; i < lines.size() && targets.isEmpty(); i++) {
                Optional<InetdConfLine> line = lines.service(i);
                if (line.isPresent() && selector.selects(line.get())) {
                    targets.add(i);
                }
            }
        }
        if (targets.isEmpty()) {
            return new Refused("there is no " + selector.service() + "/" + selector.protocol() + " entry to change");
        }
        for (int i : targets) {
            InetdConfLine line = lines.service(i).orElseThrow();
            InetdValues after = InetdValues.of(line).with(changes);
            Optional<String> bad =
                    newLineProblem(
                            after, changes.service() != null || changes.protocol() != null, changes.user() != null);
            if (bad.isPresent()) {
                return new Refused(bad.get());
            }
            if (line.enabled() && (changes.service() != null || changes.protocol() != null)) {
                for (int j = 0; j < lines.size(); j++) {
                    Optional<InetdConfLine> other = lines.service(j);
                    if (j != i && other.isPresent() && other.get().enabled() && after.sameService(other.get())) {
                        return new Refused(
                                after.service() + "/" + after.protocol() + " is already active on line " + (j + 1));
                    }
                }
            }
            lines = lines.with(i, rewrite(line, changes).text());
        }
        return new Changed(lines.text());
    }

    private static InetdConfLine rewrite(InetdConfLine line, InetdValues changes) {
        InetdConfLine out = line;
        if (!changes.args().isEmpty()) {
            out = out.withArgs(changes.args());
        }
        String[] values = {
            changes.service(),
            changes.socketType(),
            changes.protocol(),
            changes.waits(),
            changes.user(),
            changes.program()
        };
        for (int f = values.length - 1; f >= 0; f--) {
            if (values[f] != null) {
                out = out.with(f, values[f]);
            }
        }
        return out;
    }

    private Optional<String> newLineProblem(InetdValues line, boolean checkService, boolean checkUser) {
        Optional<String> problem = line.problem().or(line::lineProblem);
        if (problem.isPresent()) {
            return problem;
        }
        String name = line.service().substring(line.service().lastIndexOf(':') + 1);
        String proto = line.protocol().toLowerCase(java.util.Locale.ROOT).startsWith("tcp") ? "tcp" : "udp";
        if (checkService && !isPort(name) && !checks.serviceKnown(name, proto)) {
            return Optional.of("service " + name + "/" + proto + " is not in the services file");
        }
        if (checkUser && !checks.userExists(line.userName())) {
            return Optional.of("user " + line.userName() + " does not exist");
        }
        return Optional.empty();
    }

    private static boolean isPort(String name) {
        if (!name.matches("\\d{1,5}")) {
            return false;
        }
        int port = Integer.parseInt(name);
        return port >= 1 && port <= 65535;
    }
}
