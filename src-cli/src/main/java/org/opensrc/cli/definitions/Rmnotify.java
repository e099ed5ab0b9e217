package org.opensrc.cli.definitions;

import java.util.List;
import org.opensrc.cli.SrcCommand;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.proto.v1.NameRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rmnotify -n name}: removes a notify method. */
@Command(name = "rmnotify")
public final class Rmnotify extends SrcCommand {

    @Option(names = "-n") String name;

    @Override
    protected String usage() {
        return "Usage: rmnotify -n notify_name";
    }

    @Override
    protected void validate() {
        if (name == null) {
            throw new UsageException(null);
        }
    }

    @Override
    protected int execute(SrcClient client) {
        return print(List.of(client.definitions().removeNotify(NameRequest.newBuilder().setName(name).build()).getOutcome()));
    }
}
