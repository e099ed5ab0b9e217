package org.opensrc.cli.definitions;

import org.opensrc.cli.command.SrcCommand.Refusal;
import org.opensrc.cli.command.SrcCommand.UsageException;
import org.opensrc.libsrc.Messages;
import org.opensrc.libsrc.signal.Parsed;
import org.opensrc.libsrc.signal.Signals;
import org.opensrc.proto.v1.Action;
import org.opensrc.proto.v1.Contact;
import org.opensrc.proto.v1.Extensions;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.proto.v1.SubsystemDef;

import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The flags {@code mkssys} and {@code chssys} share (all but {@code -s}), and the rules AIX applies to them: -R/-O,
 * -d/-D, -q/-Q exclude each other; one contact method; -S needs -n and -f; -I needs -m. Beyond AIX, long options set
 * the opt-in extensions.
 */
public final class SubsystemFlags {

    @Option(names = "-p")
    String path;

    @Option(names = "-u")
    String user;

    @Option(names = "-a")
    String cmdargs;

    @Option(names = "-e")
    String standerr;

    @Option(names = "-i")
    String standin;

    @Option(names = "-o")
    String standout;

    @Option(names = "-t")
    String synonym;

    @Option(names = "-O")
    boolean once;

    @Option(names = "-R")
    boolean respawn;

    @Option(names = "-d")
    boolean display;

    @Option(names = "-D")
    boolean hide;

    @Option(names = "-q")
    boolean multi;

    @Option(names = "-Q")
    boolean single;

    @Option(names = "-K")
    boolean socket;

    @Option(names = "-I")
    Long queueKey;

    @Option(names = "-m")
    Long queueMtype;

    @Option(names = "-S")
    boolean signals;

    @Option(names = "-n")
    String signorm;

    @Option(names = "-f")
    String sigforce;

    @Option(names = "-E")
    Integer priority;

    @Option(names = "-G")
    String group;

    @Option(names = "-w")
    Integer waittime;

    @Option(names = "--backoff")
    boolean backoff;

    @Option(names = "--no-backoff")
    boolean noBackoff;

    @Option(names = "--backoff-initial-ms")
    Long backoffInitialMs;

    @Option(names = "--backoff-max-ms")
    Long backoffMaxMs;

    @Option(names = "--kill-escalation")
    boolean killEscalation;

    @Option(names = "--no-kill-escalation")
    boolean noKillEscalation;

    @Option(names = "--readiness")
    boolean readiness;

    @Option(names = "--no-readiness")
    boolean noReadiness;

    /**
     * Throws {@link UsageException} when the flags break an AIX rule, and {@link Refusal} (0513-089 / 0513-088) for a
     * stop signal that is not one. AIX signal numbers that mean another signal on Linux (30, 31, …) are translated,
     * with a warning on {@code err}.
     */
    void validate(PrintWriter err) {
        if (user != null && user.isBlank()) {
            throw new Refusal("-u: no user given (an empty -u never means root; say -u 0 or -u root)");
        }
        if (signorm != null) {
            signorm = stopSignal(signorm, SrcCode.SRC_CODE_BADNSIG, err);
        }
        if (sigforce != null) {
            sigforce = stopSignal(sigforce, SrcCode.SRC_CODE_BADFSIG, err);
        }
        if (user != null && isNumber(user) && uidOf(user) < 0) {
            throw new UsageException("-u " + user + ": not a user ID");
        }
        int contacts =
                (socket ? 1 : 0)
                        + (queueKey != null || queueMtype != null ? 1 : 0)
                        + (signals || signorm != null || sigforce != null ? 1 : 0);
        if ((once && respawn)
                || (display && hide)
                || (multi && single)
                || contacts > 1
                || (signals && (signorm == null || sigforce == null))
                || (!signals && (signorm != null || sigforce != null))
                || ((queueKey == null) != (queueMtype == null))
                || (backoff && noBackoff)
                || (killEscalation && noKillEscalation)
                || (readiness && noReadiness)) {
            throw new UsageException(null);
        }
    }

    private static String stopSignal(String given, SrcCode invalid, PrintWriter err) {
        Parsed parsed = Signals.parseAix(given).orElseThrow(() -> new Refusal(Messages.render(invalid)));
        parsed.warning().ifPresent(err::println);
        return parsed.signal().name();
    }

    /** ASCII digits only: "-u 0" is a uid; anything else (other scripts' digits too) is a user name. */
    private static boolean isNumber(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The uid written in digits, or -1 when it does not fit a number. */
    private static long uidOf(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Whether any beyond-AIX option was given. */
    boolean touchesExtensions() {
        return backoff
                || noBackoff
                || backoffInitialMs != null
                || backoffMaxMs != null
                || killEscalation
                || noKillEscalation
                || readiness
                || noReadiness;
    }

    /** Writes the given flags into {@code def}; returns the ODM names of the fields given. */
    List<String> applyTo(SubsystemDef.Builder def) {
        List<String> fields = new ArrayList<>();
        if (path != null) {
            def.setPath(path);
            fields.add("path");
        }
        if (user != null) {
            // srcmstr reads the number or resolves the name, range-checked in one place
            def.setUser(user);
            fields.add("uid");
        }
        if (cmdargs != null) {
            def.setCmdargs(cmdargs);
            fields.add("cmdargs");
        }
        if (standin != null) {
            def.setStandin(standin);
            fields.add("standin");
        }
        if (standout != null) {
            def.setStandout(standout);
            fields.add("standout");
        }
        if (standerr != null) {
            def.setStanderr(standerr);
            fields.add("standerr");
        }
        if (synonym != null) {
            def.setSynonym(synonym);
            fields.add("synonym");
        }
        if (once || respawn) {
            def.setAction(respawn ? Action.ACTION_RESPAWN : Action.ACTION_ONCE);
            fields.add("action");
        }
        if (display || hide) {
            def.setDisplay(display);
            fields.add("display");
        }
        if (multi || single) {
            def.setMulti(multi);
            fields.add("multi");
        }
        if (socket) {
            def.setContact(Contact.CONTACT_SOCKET);
            fields.add("contact");
        }
        if (queueKey != null) {
            def.setContact(Contact.CONTACT_IPC).setSvrkey(queueKey).setSvrmtype(queueMtype);
            fields.addAll(List.of("contact", "svrkey", "svrmtype"));
        }
        if (signals) {
            def.setContact(Contact.CONTACT_SIGNAL).setSignorm(signorm).setSigforce(sigforce);
            fields.addAll(List.of("contact", "signorm", "sigforce"));
        }
        if (priority != null) {
            def.setPriority(priority);
            fields.add("priority");
        }
        if (group != null) {
            def.setGrpname(group);
            fields.add("grpname");
        }
        if (waittime != null) {
            def.setWaittime(waittime);
            fields.add("waittime");
        }
        if (touchesExtensions()) {
            Extensions.Builder ext = def.getExtensions().toBuilder();
            if (backoff || noBackoff) {
                ext.setBackoff(backoff);
            }
            if (backoffInitialMs != null) {
                ext.setBackoffInitialMs(backoffInitialMs);
            }
            if (backoffMaxMs != null) {
                ext.setBackoffMaxMs(backoffMaxMs);
            }
            if (killEscalation || noKillEscalation) {
                ext.setKillEscalation(killEscalation);
            }
            if (readiness || noReadiness) {
                ext.setReadiness(readiness);
            }
            def.setExtensions(ext);
            fields.add("extensions");
        }
        return fields;
    }
}
