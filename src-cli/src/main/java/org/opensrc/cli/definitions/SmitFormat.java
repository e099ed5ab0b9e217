package org.opensrc.cli.definitions;

import org.opensrc.libsrc.signal.Signal;
import org.opensrc.libsrc.signal.Signals;
import org.opensrc.proto.v1.ListNotifiesReply;
import org.opensrc.proto.v1.ListSubserversReply;
import org.opensrc.proto.v1.ListSubsystemsReply;
import org.opensrc.proto.v1.NotifyDef;
import org.opensrc.proto.v1.SubserverDef;
import org.opensrc.proto.v1.SubsystemDef;

import java.util.List;

/**
 * The AIX "SMIT format" of {@code lssrc -S / -T / -N}: a {@code #} header of ODM field names, then one line per object,
 * every value followed by {@code :}. Enums print as their mkssys flags ({@code -R/-O}, {@code -q/-Q}, {@code -I/-S/-K},
 * {@code -d/-D}); signals print as their Linux numbers, 0 for none. Pure; each line ends with a newline.
 */
public final class SmitFormat {

    public static final String SUBSYS_HEADER =
            "#subsysname:synonym:cmdargs:path:uid:auditid:standin:standout:"
                    + "standerr:action:multi:contact:svrkey:svrmtype:priority:signorm:sigforce:display:waittime:grpname:";
    public static final String SUBSVR_HEADER = "#sub_type:subsysname:sub_code:";
    public static final String NOTIFY_HEADER = "#notifyname:notifymethod:";

    private SmitFormat() {}

    public static String subsystems(ListSubsystemsReply reply) {
        StringBuilder out = new StringBuilder(SUBSYS_HEADER).append('\n');
        reply.getSubsystemsList().forEach(s -> out.append(line(s)).append('\n'));
        return out.toString();
    }

    public static String subservers(ListSubserversReply reply) {
        StringBuilder out = new StringBuilder(SUBSVR_HEADER).append('\n');
        reply.getSubserversList().forEach(s -> out.append(line(s)).append('\n'));
        return out.toString();
    }

    public static String notifies(ListNotifiesReply reply) {
        StringBuilder out = new StringBuilder(NOTIFY_HEADER).append('\n');
        reply.getNotifiesList().forEach(n -> out.append(line(n)).append('\n'));
        return out.toString();
    }

    /** One SRCsubsys line, without the newline. */
    public static String line(SubsystemDef s) {
        return fields(
                s.getSubsysname(),
                s.getSynonym(),
                s.getCmdargs(),
                s.getPath(),
                s.getUid(),
                s.getAuditid(),
                s.getStandin(),
                s.getStandout(),
                s.getStanderr(),
                switch (s.getAction()) {
                    case ACTION_RESPAWN -> "-R";
                    case ACTION_ONCE, ACTION_UNSPECIFIED, UNRECOGNIZED -> "-O";
                },
                s.getMulti() ? "-q" : "-Q",
                switch (s.getContact()) {
                    case CONTACT_IPC -> "-I";
                    case CONTACT_SIGNAL -> "-S";
                    case CONTACT_SOCKET, CONTACT_UNSPECIFIED, UNRECOGNIZED -> "-K";
                },
                s.getSvrkey(),
                s.getSvrmtype(),
                s.getPriority(),
                signalNumber(s.getSignorm()),
                signalNumber(s.getSigforce()),
                s.getDisplay() ? "-d" : "-D",
                s.getWaittime(),
                s.getGrpname());
    }

    public static String line(SubserverDef s) {
        return fields(s.getSubType(), s.getSubsysname(), s.getSubCode());
    }

    public static String line(NotifyDef n) {
        return fields(n.getNotifyname(), n.getNotifymethod());
    }

    /** The Linux number of a stored signal name; 0 when there is none. */
    static int signalNumber(String name) {
        return Signals.parse(name).map(Signal::number).orElse(0);
    }

    private static String fields(Object... values) {
        StringBuilder out = new StringBuilder();
        for (Object v : List.of(values)) {
            out.append(v).append(':');
        }
        return out.toString();
    }
}
