package org.opensrc.cli.command;

import java.util.Map;

/**
 * The usage messages of the SRC commands as AIX prints them: catalog messages {@code 0513-038} to {@code 0513-082} of
 * AIX's {@code src.msg}, line breaks, tabs and trailing blanks included ({@code 0513-039 Usage is one of:} and then the
 * forms of {@code lssrc}, one a line). A command may add what it accepts beyond AIX on lines of its own after them.
 */
public final class AixUsage {

    /** Command name to its usage message, number included. */
    private static final Map<String, String> USAGE =
            Map.ofEntries(
                    Map.entry(
                            "startsrc",
                            "0513-038 Usage is one of:\n"
                                    + "startsrc [-h host] [-e environment] [-a argument] -s subsystem_name\n"
                                    + "startsrc [-h host] [-e environment] [-a argument] -g group_name\n"
                                    + "startsrc [-h host] -t subserver_type [-o subserver_object] [-p subsystem_pid]"),
                    Map.entry(
                            "lssrc",
                            "0513-039 Usage is one of:\n"
                                    + "lssrc [-h host] -a \n"
                                    + "lssrc [-h host] -g group_name\n"
                                    + "lssrc [-h host] [-l] -s subsystem_name\n"
                                    + "lssrc [-h host] [-l] -p subsystem_pid\n"
                                    + "lssrc [-h host] [-l] -t subserver_type [-o subserver_object] [-p subsystem_pid]\n"
                                    + "lssrc [-h host] [-l] -t subserver_type [-P subserver_pid] [-p subsystem_pid]\n"
                                    + "lssrc -S [-s subsystem_name | -d ]\n"
                                    + "lssrc -T [-t subserver_type]\n"
                                    + "lssrc -N [-n notify_name]"),
                    Map.entry(
                            "stopsrc",
                            "0513-040 Usage is one of:\n"
                                    + "stopsrc [-h host] [-f | -c] -a \n"
                                    + "stopsrc [-h host] [-f | -c] -g group_name\n"
                                    + "stopsrc [-h host] [-f | -c] -s subsystem_name\n"
                                    + "stopsrc [-h host] [-f | -c] -p subsystem_pid\n"
                                    + "stopsrc [-h host] [-f] -t subserver_type [-o subserver_object] [-p subsystem_pid]\n"
                                    + "stopsrc [-h host] [-f] -t subserver_type [-P subserver_pid] [-p subsystem_pid]"),
                    Map.entry(
                            "traceson",
                            "0513-050 Usage is one of:\n"
                                    + "traceson [-h host] [-l] -g group_name\n"
                                    + "traceson [-h host] [-l] -s subsystem_name\n"
                                    + "traceson [-h host] [-l] -p subsystem_pid\n"
                                    + "traceson [-h host] [-l] -t subserver_type [-o subserver_object] [-p subsystem_pid]\n"
                                    + "traceson [-h host] [-l] -t subserver_type [-P subserver_pid] [-p subsystem_pid]"),
                    // AIX 7.2 requires -o or -P with tracesoff -t (IBM's tracesoff page); src.msg of 4.1 showed
                    // them in brackets, so the two subserver forms lose the brackets around them here
                    Map.entry(
                            "tracesoff",
                            "0513-051 Usage is one of:\n"
                                    + "tracesoff [-h host] -g group_name\n"
                                    + "tracesoff [-h host] -s subsystem_name\n"
                                    + "tracesoff [-h host] -p subsystem_pid\n"
                                    + "tracesoff [-h host] -t subserver_type -o subserver_object [-p subsystem_pid]\n"
                                    + "tracesoff [-h host] -t subserver_type -P subserver_pid [-p subsystem_pid]"),
                    Map.entry(
                            "refresh",
                            "0513-052 Usage is one of:\n"
                                    + "refresh [-h host] -g group_name\n"
                                    + "refresh [-h host] -s subsystem_name\n"
                                    + "refresh [-h host] -p subsystem_pid"),
                    Map.entry(
                            "mkserver",
                            "0513-061 Usage: mkserver -s subsystem_name -t subserver_type -c subserver_code."),
                    Map.entry("mknotify", "0513-066 Usage: mknotify -n notify_name -m notify_method"),
                    // the empty line after the -I form is in src.msg
                    Map.entry(
                            "mkssys",
                            "0513-069 Usage: mkssys -s subsystem_name \n"
                                    + "\t-p subsystem_path \n"
                                    + "\t-u userid \n"
                                    + "\t[-t synonym_name] \n"
                                    + "\t[-a command_arguments] \n"
                                    + "\t[-i stdin] \n"
                                    + "\t[-o stdout] \n"
                                    + "\t[-e stderr] \n"
                                    + "\t[-R | -O] \n"
                                    + "\t[-d | -D] \n"
                                    + "\t[-q | -Q] \n"
                                    + "\t[{-I message_queue_key -m subsystem_mtype}\n"
                                    + "\n"
                                    + "\t\t| {-S -n signorm -f sigforce} | -K] \n"
                                    + "\t[-E priority] \n"
                                    + "\t[-G group_name] \n"
                                    + "\t[-w wait_time]"),
                    Map.entry(
                            "chserver",
                            "0513-072 Usage: chserver  -t subserver_type"
                                    + " {[-t subserver_type] [-s subsystem_name] [-c subserver_code]}"),
                    Map.entry(
                            "chssys",
                            "0513-074 Usage: chssys -s old_subsystem_name \n"
                                    + "\t{[-s new_subsystem_name] \n"
                                    + "\t[-t synonym_name] \n"
                                    + "\t[-a command_arguments] \n"
                                    + "\t[-p subsystem_path] \n"
                                    + "\t[-u userid] \n"
                                    + "\t[-i stdin] \n"
                                    + "\t[-o stdout] \n"
                                    + "\t[-e stderr] \n"
                                    + "\t[-R | -O] \n"
                                    + "\t[-d | -D] \n"
                                    + "\t[-q | -Q] \n"
                                    + "\t[{-I message_queue_key -m subsystem_mtype} \n"
                                    + "\t\t| {-S -n signorm -f sigforce} | -K] \n"
                                    + "\t[-E priority] \n"
                                    + "\t[-G group_name] \n"
                                    + "\t[-w wait_time] }"),
                    Map.entry("rmnotify", "0513-078 Usage: rmnotify -n subsystem_name or group_name"),
                    Map.entry("rmserver", "0513-080 Usage: rmserver -t subserver_type"),
                    Map.entry("rmssys", "0513-082 Usage: rmssys -s subsystem_name"));

    private AixUsage() {}

    /**
     * The AIX usage message of {@code command}, then each of {@code beyondAix} on a line of its own.
     *
     * @throws IllegalArgumentException for a command AIX has no usage message for
     */
    public static String of(String command, String... beyondAix) {
        String usage = USAGE.get(command);
        if (usage == null) {
            throw new IllegalArgumentException("no AIX usage message for " + command);
        }
        return beyondAix.length == 0 ? usage : usage + "\n" + String.join("\n", beyondAix);
    }
}
