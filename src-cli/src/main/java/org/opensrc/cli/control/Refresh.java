package org.opensrc.cli.control;

import org.opensrc.cli.SrcCommand;
import org.opensrc.cli.Targets;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.proto.v1.RefreshRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code refresh}: asks a subsystem to re-read its configuration. */
@Command(name = "refresh")
public final class Refresh extends SrcCommand {

    @Option(names = "-g") String group;
    @Option(names = "-p") Integer pid;
    @Option(names = "-s") String subsystem;
    @Option(names = "-h") String host;

    @Override
    protected String usage() {
        return "Usage: refresh [-h host] {-g group_name | -p subsystem_pid | -s subsystem_name}";
    }

    @Override
    protected String host() {
        return host;
    }

    @Override
    protected void validate() {
        if (Targets.count(group, pid, subsystem) != 1) {
            throw new UsageException(null);
        }
    }

    @Override
    protected int execute(SrcClient client) {
        return print(client.control().refresh(RefreshRequest.newBuilder()
                .setTarget(Targets.of(subsystem, group, false, pid)).build()).getOutcomesList());
    }
}
