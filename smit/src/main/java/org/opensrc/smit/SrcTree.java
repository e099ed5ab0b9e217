package org.opensrc.smit;

import static org.opensrc.smit.Field.choice;
import static org.opensrc.smit.Field.list;
import static org.opensrc.smit.Field.number;
import static org.opensrc.smit.Field.text;
import static org.opensrc.smit.Field.yesNo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SRC part of the SMIT tree, by fast path. Data only: every panel runs an SRC command. */
final class SrcTree {
    private final Map<String, Panel> panels = new LinkedHashMap<>();

    SrcTree() {
        menus();
        control();
        definitions();
        subservers();
        inetd();
        notifyMethods();
    }

    Optional<Panel> panel(String fastPath) {
        return Optional.ofNullable(panels.get(fastPath));
    }

    List<String> fastPaths() {
        return List.copyOf(panels.keySet());
    }

    private void add(Panel p) {
        if (panels.put(p.id(), p) != null) {
            throw new IllegalStateException("two panels " + p.id());
        }
    }

    private void menus() {
        add(
                new Panel.Menu(
                        "src",
                        "System Resource Controller",
                        List.of(
                                new Panel.Item("List All Subsystems", "lsssys"),
                                new Panel.Item("Query a Subsystem", "qssys"),
                                new Panel.Item("Start a Subsystem", "startssys"),
                                new Panel.Item("Stop a Subsystem", "stopssys"),
                                new Panel.Item("Refresh a Subsystem", "refreshssys"),
                                new Panel.Item("Trace a Subsystem", "tracessys"),
                                new Panel.Item("Subsystem Definitions", "ssysdef"),
                                new Panel.Item("Subservers", "subserver"),
                                new Panel.Item("inetd Subservers", "inetdconf"),
                                new Panel.Item("Notify Methods", "notify"))));
        add(
                new Panel.Menu(
                        "tracessys",
                        "Trace a Subsystem",
                        List.of(
                                new Panel.Item("Start Tracing a Subsystem", "tracesonssys"),
                                new Panel.Item("Stop Tracing a Subsystem", "tracesoffssys"))));
        add(
                new Panel.Menu(
                        "ssysdef",
                        "Subsystem Definitions",
                        List.of(
                                new Panel.Item("Add a Subsystem Definition", "mkssys"),
                                new Panel.Item("Change / Show Characteristics of a Subsystem", "chssys"),
                                new Panel.Item("List All Subsystem Definitions", "lsssysdef"),
                                new Panel.Item("Remove a Subsystem Definition", "rmssys"))));
        add(
                new Panel.Menu(
                        "subserver",
                        "Subservers",
                        List.of(
                                new Panel.Item("List All Subserver Definitions", "lssubsvr"),
                                new Panel.Item("Query a Subserver", "qssrv"),
                                new Panel.Item("Start a Subserver", "startssrv"),
                                new Panel.Item("Stop a Subserver", "stopssrv"),
                                new Panel.Item("Add a Subserver Definition", "mkserver"),
                                new Panel.Item("Change / Show a Subserver Definition", "chserver"),
                                new Panel.Item("Remove a Subserver Definition", "rmserver"))));
        add(
                new Panel.Menu(
                        "inetdconf",
                        "inetd Subservers",
                        List.of(
                                new Panel.Item("List All inetd Subservers", "lsinetd"),
                                new Panel.Item("Add an inetd Subserver", "mkinetd"),
                                new Panel.Item("Change an inetd Subserver", "chinetd"),
                                new Panel.Item("Remove an inetd Subserver", "rminetd"))));
        add(
                new Panel.Menu(
                        "notify",
                        "Notify Methods",
                        List.of(
                                new Panel.Item("List All Notify Methods", "lsnotify"),
                                new Panel.Item("Add a Notify Method", "mknotify"),
                                new Panel.Item("Remove a Notify Method", "rmnotify"))));
    }

    private static Field subsystem(String flag) {
        return list("subsysname", "Subsystem name", flag, ListSource.SUBSYSTEMS);
    }

    private static Field group() {
        return list("grpname", "  OR Group name", "-g", ListSource.GROUPS);
    }

    private static Field host() {
        return text("host", "Remote host", "-h").withHelp("Send the request to srcmstr on this host (-h).");
    }

    private void control() {
        add(Panel.Dialog.of("lsssys", "List All Subsystems", List.of("lssrc", "-a")));
        add(
                Panel.Dialog.of(
                        "qssys",
                        "Query a Subsystem",
                        List.of("lssrc"),
                        subsystem("-s").mandatory(),
                        yesNo("long", "Long status", "-l"),
                        host()));
        add(
                Panel.Dialog.of(
                        "startssys",
                        "Start a Subsystem",
                        List.of("startsrc"),
                        subsystem("-s").withHelp("The subsystem to start (-s). F4 lists the subsystems defined."),
                        group(),
                        text("args", "Arguments", "-a").withHelp("Added to the subsystem's own arguments (-a)."),
                        text("env", "Environment", "-e")
                                .withHelp("NAME=value words for the subsystem's environment (-e)."),
                        host()));
        add(
                Panel.Dialog.of(
                        "stopssys",
                        "Stop a Subsystem",
                        List.of("stopsrc"),
                        subsystem("-s"),
                        group(),
                        yesNo("all", "  OR All subsystems", "-a"),
                        choice(
                                        "how",
                                        "Stopping type",
                                        Choice.of("normal"),
                                        Choice.of("forced", "-f"),
                                        Choice.of("cancel", "-c"))
                                .withHelp(
                                        "normal: the subsystem ends when its work is done; forced: at once;"
                                                + " cancel: SIGTERM, then SIGKILL after its wait time."),
                        host()));
        add(
                Panel.Dialog.of(
                        "refreshssys", "Refresh a Subsystem", List.of("refresh"), subsystem("-s"), group(), host()));
        add(
                Panel.Dialog.of(
                        "tracesonssys",
                        "Start Tracing a Subsystem",
                        List.of("traceson"),
                        subsystem("-s"),
                        group(),
                        yesNo("long", "Long trace", "-l"),
                        host()));
        add(
                Panel.Dialog.of(
                        "tracesoffssys",
                        "Stop Tracing a Subsystem",
                        List.of("tracesoff"),
                        subsystem("-s"),
                        group(),
                        host()));
    }

    /** The fields of a subsystem definition, by their lssrc -S column names. */
    private static List<Field> definitionFields() {
        return List.of(
                text("synonym", "Synonym name", "-t"),
                text("cmdargs", "Arguments", "-a"),
                text("path", "Path to subsystem executable", "-p").mandatory(),
                text("uid", "User", "-u").mandatory().withHelp("The user the subsystem runs as (-u): a name or a uid."),
                text("standin", "Standard input", "-i"),
                text("standout", "Standard output", "-o"),
                text("standerr", "Standard error", "-e"),
                choice("action", "Restart when it ends abnormally", Choice.of("no", "-O"), Choice.of("yes", "-R")),
                choice("multi", "Multiple instances", Choice.of("no", "-Q"), Choice.of("yes", "-q")),
                choice("contact", "Communication method", Choice.of("sockets", "-K"), Choice.of("signals", "-S"))
                        .withHelp(
                                "sockets: srcmstr talks to the daemon (-K); signals: it only sends the stop"
                                        + " signals below (-S)."),
                text("signorm", "Normal stop signal", "-n").withHelp("With signals (-n): a name (TERM) or a number."),
                text("sigforce", "Forced stop signal", "-f").withHelp("With signals (-f): a name (KILL) or a number."),
                choice("display", "Display when inactive", Choice.of("yes", "-d"), Choice.of("no", "-D")),
                number("priority", "Nice value", "-E"),
                number("waittime", "Wait time (seconds)", "-w"),
                list("grpname", "Group name", "-G", ListSource.GROUPS));
    }

    private void definitions() {
        List<Field> add = new java.util.ArrayList<>();
        add.add(text("subsysname", "Subsystem name", "-s").mandatory());
        add.addAll(definitionFields());
        add(new Panel.Dialog("mkssys", "Add a Subsystem Definition", List.of("mkssys"), add, false, false));

        add(
                new Panel.Selector(
                        "chssys",
                        "Change / Show Characteristics of a Subsystem",
                        subsystem("").mandatory(),
                        List.of("lssrc", "-S", "-s"),
                        "chssys.dialog"));
        List<Field> change = new java.util.ArrayList<>();
        change.add(
                new Field(
                        "subsysname",
                        "Subsystem name",
                        Field.Kind.SHOW,
                        "-s",
                        false,
                        "",
                        ListSource.NONE,
                        List.of(),
                        "subsysname",
                        ""));
        change.add(text("newname", "New subsystem name", "-s").fromColumn("subsysname"));
        change.addAll(definitionFields());
        add(
                new Panel.Dialog(
                        "chssys.dialog",
                        "Change / Show Characteristics of a Subsystem",
                        List.of("chssys"),
                        change,
                        true,
                        false));

        add(Panel.Dialog.of("lsssysdef", "List All Subsystem Definitions", List.of("lssrc", "-S")));
        add(
                Panel.Dialog.of(
                                "rmssys",
                                "Remove a Subsystem Definition",
                                List.of("rmssys"),
                                subsystem("-s").mandatory())
                        .asking());
    }

    private static Field subserver() {
        return list("sub_type", "Subserver type", "-t", ListSource.SUBSERVER_TYPES);
    }

    private void subservers() {
        add(Panel.Dialog.of("lssubsvr", "List All Subserver Definitions", List.of("lssrc", "-T")));
        add(
                Panel.Dialog.of(
                        "qssrv",
                        "Query a Subserver",
                        List.of("lssrc"),
                        subserver().mandatory(),
                        yesNo("long", "Long status", "-l"),
                        text("object", "Object", "-o"),
                        host()));
        add(
                Panel.Dialog.of(
                        "startssrv",
                        "Start a Subserver",
                        List.of("startsrc"),
                        subserver().mandatory(),
                        text("object", "Object", "-o"),
                        host()));
        add(
                Panel.Dialog.of(
                        "stopssrv",
                        "Stop a Subserver",
                        List.of("stopsrc"),
                        subserver().mandatory(),
                        yesNo("forced", "Forced stop", "-f"),
                        text("object", "Object", "-o"),
                        host()));
        add(
                Panel.Dialog.of(
                        "mkserver",
                        "Add a Subserver Definition",
                        List.of("mkserver"),
                        text("sub_type", "Subserver type", "-t").mandatory(),
                        subsystem("-s").mandatory().withHelp("The subsystem that owns the subserver (-s)."),
                        number("sub_code", "Code point", "-c")
                                .mandatory()
                                .withHelp("For inetd, the port number (-c).")));
        add(
                new Panel.Selector(
                        "chserver",
                        "Change / Show a Subserver Definition",
                        subserver().mandatory(),
                        List.of("lssrc", "-T", "-t"),
                        "chserver.dialog"));
        add(
                new Panel.Dialog(
                        "chserver.dialog",
                        "Change / Show a Subserver Definition",
                        List.of("chserver"),
                        List.of(
                                new Field(
                                        "sub_type",
                                        "Subserver type",
                                        Field.Kind.SHOW,
                                        "-t",
                                        false,
                                        "",
                                        ListSource.NONE,
                                        List.of(),
                                        "sub_type",
                                        ""),
                                text("newtype", "New subserver type", "-t").fromColumn("sub_type"),
                                subsystem("-s").withHelp("The subsystem that owns the subserver (-s)."),
                                number("sub_code", "Code point", "-c")),
                        true,
                        false));
        add(
                Panel.Dialog.of(
                                "rmserver",
                                "Remove a Subserver Definition",
                                List.of("rmserver"),
                                subserver().mandatory())
                        .asking());
    }

    private static Field protocol(String id, String label, String flag) {
        return choice(
                id,
                label,
                Choice.of("tcp", flag, "tcp"),
                Choice.of("udp", flag, "udp"),
                Choice.of("tcp6", flag, "tcp6"),
                Choice.of("udp6", flag, "udp6"),
                Choice.of("tcp46", flag, "tcp46"),
                Choice.of("udp46", flag, "udp46"));
    }

    private static Field refreshInetd() {
        return choice("refresh", "Refresh inetd", Choice.of("yes", "-r", "inetd"), Choice.of("no"))
                .withHelp("Have the running inetd re-read inetd.conf afterwards (-r inetd).");
    }

    private void inetd() {
        add(Panel.Dialog.of("lsinetd", "List All inetd Subservers", List.of("lssrc", "-ls", "inetd")));
        add(
                Panel.Dialog.of(
                        "mkinetd",
                        "Add an inetd Subserver",
                        List.of("chsubserver", "-a"),
                        text("service", "Service name", "-v").mandatory(),
                        protocol("protocol", "Protocol", "-p"),
                        choice(
                                "socktype",
                                "Socket type",
                                Choice.of(""),
                                Choice.of("stream", "-t", "stream"),
                                Choice.of("dgram", "-t", "dgram")),
                        choice(
                                "wait",
                                "Wait indicator",
                                Choice.of(""),
                                Choice.of("nowait", "-w", "nowait"),
                                Choice.of("wait", "-w", "wait")),
                        text("user", "User", "-u").mandatory(),
                        text("program", "Program", "-g")
                                .mandatory()
                                .withHelp("The server's absolute path, or internal (-g)."),
                        text("args", "Program arguments", "").withHelp("The server's argv, argv[0] first."),
                        refreshInetd()));
        add(
                Panel.Dialog.of(
                        "chinetd",
                        "Change an inetd Subserver",
                        List.of("chsubserver", "-c"),
                        text("service", "Service name", "-v").mandatory(),
                        protocol("protocol", "Protocol", "-p"),
                        text("newservice", "New service name", "-V"),
                        choice(
                                "newprotocol",
                                "New protocol",
                                Choice.of(""),
                                Choice.of("tcp", "-P", "tcp"),
                                Choice.of("udp", "-P", "udp"),
                                Choice.of("tcp6", "-P", "tcp6"),
                                Choice.of("udp6", "-P", "udp6")),
                        choice(
                                "newwait",
                                "New wait indicator",
                                Choice.of(""),
                                Choice.of("nowait", "-W", "nowait"),
                                Choice.of("wait", "-W", "wait")),
                        text("newuser", "New user", "-U"),
                        text("newprogram", "New program", "-G"),
                        text("args", "New program arguments", ""),
                        refreshInetd()));
        add(
                Panel.Dialog.of(
                                "rminetd",
                                "Remove an inetd Subserver",
                                List.of("chsubserver", "-d"),
                                text("service", "Service name", "-v").mandatory(),
                                protocol("protocol", "Protocol", "-p"),
                                refreshInetd())
                        .asking());
    }

    private void notifyMethods() {
        add(Panel.Dialog.of("lsnotify", "List All Notify Methods", List.of("lssrc", "-N")));
        add(
                Panel.Dialog.of(
                        "mknotify",
                        "Add a Notify Method",
                        List.of("mknotify"),
                        list("notifyname", "Subsystem or group name", "-n", ListSource.SUBSYSTEMS_AND_GROUPS)
                                .mandatory(),
                        text("method", "Notify method (absolute path)", "-m").mandatory()));
        add(
                Panel.Dialog.of(
                                "rmnotify",
                                "Remove a Notify Method",
                                List.of("rmnotify"),
                                list("notifyname", "Subsystem or group name", "-n", ListSource.NOTIFY_NAMES)
                                        .mandatory())
                        .asking());
    }
}
