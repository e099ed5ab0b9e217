package org.opensrc.cli.definitions;

import org.opensrc.cli.command.AixUsage;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.proto.v1.SubserverDef;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code mkserver -c code -s subsystem -t type}: adds a subserver definition. */
@Command(name = "mkserver")
public final class Mkserver extends DefinitionCommand {

    @Option(names = "-c")
    Integer code;

    @Option(names = "-s")
    String subsystem;

    @Option(names = "-t")
    String type;

    @Override
    protected String usage() {
        return AixUsage.of("mkserver");
    }

    @Override
    protected void validate() {
        if (code == null || subsystem == null || type == null) {
            throw new UsageException(null);
        }
    }

    @Override
    protected int execute(SrcClient client) {
        var def = SubserverDef.newBuilder().setSubType(type).setSubsysname(subsystem).setSubCode(code).build();
        return print(List.of(client.definitions().addSubserver(def).getOutcome()));
    }
}
