package org.opensrc.cli.definitions;

import org.opensrc.cli.command.Flags;
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

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The flags {@code mkssys} and {@code chssys} share (all but {@code -s}), and the rules AIX applies to them: -R/-O,
 * -d/-D, -q/-Q exclude each other; one contact method; -S needs -n and -f; -I needs -m. Beyond AIX, long options set
 * the opt-in extensions.
 */
public final class SubsystemFlags {

    String path;

    String user;

    String cmdargs;

    String standerr;

    String standin;

    String standout;

    String synonym;

    boolean once;

    boolean respawn;

    boolean display;

    boolean hide;

    boolean multi;

    boolean single;

    boolean socket;

    Long queueKey;

    Long queueMtype;

    boolean signals;

    String signorm;

    String sigforce;

    Integer priority;

    String group;

    Integer waittime;

    boolean backoff;

    boolean noBackoff;

    Long backoffInitialMs;

    Long backoffMaxMs;

    boolean killEscalation;

    boolean noKillEscalation;

    boolean readiness;

    boolean noReadiness;

    /** Declares these flags on a command's table. */
    void declare(Flags flags) {
        flags.text("-p", v -> path = v);
        flags.text("-u", v -> user = v);
        flags.text("-a", v -> cmdargs = v);
        flags.text("-e", v -> standerr = v);
        flags.text("-i", v -> standin = v);
        flags.text("-o", v -> standout = v);
        flags.text("-t", v -> synonym = v);
        flags.flag("-O", () -> once = true);
        flags.flag("-R", () -> respawn = true);
        flags.flag("-d", () -> display = true);
        flags.flag("-D", () -> hide = true);
        flags.flag("-q", () -> multi = true);
        flags.flag("-Q", () -> single = true);
        flags.flag("-K", () -> socket = true);
        flags.longNumber("-I", v -> queueKey = v);
        flags.longNumber("-m", v -> queueMtype = v);
        flags.flag("-S", () -> signals = true);
        flags.text("-n", v -> signorm = v);
        flags.text("-f", v -> sigforce = v);
        flags.number("-E", v -> priority = v);
        flags.text("-G", v -> group = v);
        flags.number("-w", v -> waittime = v);
        flags.flag("--backoff", () -> backoff = true);
        flags.flag("--no-backoff", () -> noBackoff = true);
        flags.longNumber("--backoff-initial-ms", v -> backoffInitialMs = v);
        flags.longNumber("--backoff-max-ms", v -> backoffMaxMs = v);
        flags.flag("--kill-escalation", () -> killEscalation = true);
        flags.flag("--no-kill-escalation", () -> noKillEscalation = true);
        flags.flag("--readiness", () -> readiness = true);
        flags.flag("--no-readiness", () -> noReadiness = true);
    }

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
