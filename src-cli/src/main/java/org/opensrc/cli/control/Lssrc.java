package org.opensrc.cli.control;

import org.opensrc.cli.command.AixUsage;
import org.opensrc.cli.command.Flags;
import org.opensrc.cli.command.JsonOutput;
import org.opensrc.cli.command.SrcCommand;
import org.opensrc.cli.command.Targets;
import org.opensrc.cli.definitions.DefinitionListing;
import org.opensrc.cli.status.StatusText;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.proto.v1.LongStatusReply;
import org.opensrc.proto.v1.LongStatusRequest;
import org.opensrc.proto.v1.StatusReply;
import org.opensrc.proto.v1.StatusRequest;
import org.opensrc.proto.v1.StatusRow;
import org.opensrc.proto.v1.SubserverStatusReply;
import org.opensrc.proto.v1.SubserverStatusRequest;

import java.util.List;

/** {@code lssrc}: status of subsystems, subservers and definitions. */
public final class Lssrc extends SrcCommand {

    boolean all;

    final TargetFlags target = new TargetFlags();

    boolean longStatus;

    String type;

    String object;

    Integer subserverPid;

    boolean listSubsystems;

    boolean listSubservers;

    boolean listNotifies;

    String notifyName;

    boolean defaults;

    boolean json;

    boolean watch;

    @Override
    protected void declare(Flags flags) {
        flags.flag("-a", () -> all = true);
        target.declare(flags);
        flags.flag("-l", () -> longStatus = true);
        flags.text("-t", v -> type = v);
        flags.text("-o", v -> object = v);
        flags.number("-P", v -> subserverPid = v);
        flags.flag("-S", () -> listSubsystems = true);
        flags.flag("-T", () -> listSubservers = true);
        flags.flag("-N", () -> listNotifies = true);
        flags.text("-n", v -> notifyName = v);
        flags.flag("-d", () -> defaults = true);
        flags.flag("--json", () -> json = true);
        flags.flag("--watch", () -> watch = true);
    }

    @Override
    protected String usage() {
        return AixUsage.of(
                "lssrc",
                "Beyond AIX: every form also takes --json; lssrc [-a] --watch [--json] also prints each change.");
    }

    @Override
    protected String host() {
        return target.host;
    }

    @Override
    protected void validate() {
        if (watch) {
            // lssrc [-a] --watch [--json]: the listing of -a, then the changes; local only
            if (target.group != null
                    || target.subsystem != null
                    || target.pid != null
                    || target.host != null
                    || longStatus
                    || type != null
                    || object != null
                    || subserverPid != null
                    || listSubsystems
                    || listSubservers
                    || listNotifies
                    || notifyName != null
                    || defaults) {
                throw new UsageException(null);
            }
            return;
        }
        int forms =
                Targets.count(
                        all,
                        target.group,
                        listSubsystems,
                        listSubservers,
                        listNotifies,
                        type != null && !listSubservers ? type : null,
                        target.subsystem != null && !listSubsystems ? target.subsystem : null,
                        target.pid != null && type == null ? target.pid : null);
        if (forms != 1) {
            throw new UsageException(null);
        }
        boolean subserverFlags = object != null || subserverPid != null;
        if (subserverFlags && (type == null || listSubservers)) {
            throw new UsageException(null);
        }
        if (longStatus && (all || target.group != null || listSubsystems || listSubservers || listNotifies)) {
            throw new UsageException(null);
        }
        if (defaults && (!listSubsystems || target.subsystem != null)) {
            throw new UsageException(null);
        }
        if (notifyName != null && !listNotifies) {
            throw new UsageException(null);
        }
        if ((listSubsystems || listSubservers || listNotifies) && (target.pid != null || target.host != null)) {
            throw new UsageException(null);
        }
    }

    /** The listings of definitions ({@code -S}, {@code -T}, {@code -N}) read the registry when srcmstr is down. */
    @Override
    protected boolean worksWithoutSrcmstr() {
        return listSubsystems || listSubservers || listNotifies;
    }

    @Override
    protected int execute(SrcClient client) {
        if (watch) {
            return new Watch(out(), failures(), json).run(client);
        }
        if (listSubsystems || listSubservers || listNotifies) {
            return new DefinitionListing(out(), json)
                    .print(client, listSubsystems, listSubservers, target.subsystem, type, notifyName, defaults);
        }
        if (type != null) {
            return subserverStatus(client);
        }
        if (longStatus) {
            return longStatus(client);
        }
        StatusReply reply =
                client.control()
                        .status(
                                StatusRequest.newBuilder()
                                        .setTarget(Targets.of(target.subsystem, target.group, all, target.pid))
                                        .setWithProcesses(json)
                                        .build());
        if (json) {
            JsonOutput.print(out(), reply);
            return reply.getOutcomesCount() == 0 ? 0 : 1;
        }
        StatusText.shortTable(reply.getSubsystemsList()).forEach(out()::println);
        out().flush();
        return reply.getOutcomesCount() == 0 ? 0 : print(reply.getOutcomesList());
    }

    private int longStatus(SrcClient client) {
        LongStatusReply reply =
                client.control()
                        .longStatus(
                                LongStatusRequest.newBuilder()
                                        .setTarget(Targets.of(target.subsystem, null, false, target.pid))
                                        .build());
        if (json) {
            JsonOutput.print(out(), reply);
            return reply.getOutcomesCount() == 0 ? 0 : 1;
        }
        if (reply.hasSubsystem()) {
            StatusText.shortTable(List.of(reply.getSubsystem())).forEach(out()::println);
        }
        printRows(reply.getRowsList());
        return reply.getOutcomesCount() == 0 ? 0 : print(reply.getOutcomesList());
    }

    private int subserverStatus(SrcClient client) {
        SubserverStatusReply reply =
                client.control()
                        .subserverStatus(
                                SubserverStatusRequest.newBuilder()
                                        .setSubserver(Targets.subserver(type, object, subserverPid, target.pid))
                                        .setLong(longStatus)
                                        .build());
        if (json) {
            JsonOutput.print(out(), reply);
            return reply.getOutcomesCount() == 0 ? 0 : 1;
        }
        printRows(reply.getRowsList());
        return reply.getOutcomesCount() == 0 ? 0 : print(reply.getOutcomesList());
    }

    private void printRows(List<StatusRow> rows) {
        rows.forEach(row -> out().println(StatusText.row(row)));
        out().flush();
    }
}
