package org.opensrc.cli.definitions;

import java.util.List;
import org.opensrc.cli.SrcCommand;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.proto.v1.NameRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rmserver -t type}: removes a subserver definition. */
@Command(name = "rmserver")
public final class Rmserver extends SrcCommand {

    @Option(names = "-t") String type;

    @Override
    protected String usage() {
        return "Usage: rmserver -t subserver_type";
    }

    @Override
    protected void validate() {
        if (type == null) {
            throw new UsageException(null);
        }
    }

    @Override
    protected int execute(SrcClient client) {
        return print(List.of(client.definitions().removeSubserver(NameRequest.newBuilder().setName(type).build()).getOutcome()));
    }
}
