package org.opensrc.cli.definitions;

import org.opensrc.cli.command.AixUsage;
import org.opensrc.cli.command.Flags;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.proto.v1.ListSubsystemsRequest;
import org.opensrc.proto.v1.SubsystemChange;
import org.opensrc.proto.v1.SubsystemDef;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code chssys -s old [mkssys flags] [-s new]}: changes a definition; a second {@code -s} renames it (its subservers
 * and notify method follow).
 */
public final class Chssys extends DefinitionCommand {

    List<String> names = new ArrayList<>();

    final SubsystemFlags flags = new SubsystemFlags();

    @Override
    protected void declare(Flags flags) {
        flags.texts("-s", names::add);
        this.flags.declare(flags);
    }

    @Override
    protected String usage() {
        return AixUsage.of(
                "chssys",
                "Beyond AIX: [--[no-]backoff] [--backoff-initial-ms ms] [--backoff-max-ms ms] [--[no-]kill-escalation] [--[no-]readiness]");
    }

    @Override
    protected void validate() {
        flags.validate(err());
        if (names.isEmpty() || names.size() > 2) {
            throw new UsageException(null);
        }
    }

    @Override
    protected int execute(SrcClient client) {
        var values = SubsystemDef.newBuilder();
        if (flags.touchesExtensions()) {
            // the extensions travel as one field: start from the current ones so that
            // changing one option keeps the others
            client
                    .definitions()
                    .listSubsystems(ListSubsystemsRequest.newBuilder().setSubsysname(names.get(0)).build())
                    .getSubsystemsList()
                    .stream()
                    .findFirst()
                    .ifPresent(current -> values.setExtensions(current.getExtensions()));
        }
        List<String> fields = new ArrayList<>(flags.applyTo(values));
        if (names.size() == 2) {
            values.setSubsysname(names.get(1));
            fields.add("subsysname");
        }
        var change = SubsystemChange.newBuilder().setSubsysname(names.get(0)).setValues(values).addAllFields(fields);
        return printDefinition(client.definitions().changeSubsystem(change.build()).getOutcome());
    }
}
