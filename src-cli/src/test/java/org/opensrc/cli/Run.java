package org.opensrc.cli;

import org.opensrc.cli.command.CommandEnvironment;
import org.opensrc.libsrc.SrcPaths;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** What a command run in this process printed and its exit status. */
public record Run(int status, String out, String err) {

    /** Runs {@code command} in {@code root} with {@code env}, as the user {@code euid}. */
    public static Run of(Path root, Map<String, String> env, int euid, String command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status =
                Commands.run(
                        command,
                        args,
                        new PrintWriter(out),
                        new PrintWriter(err),
                        new CommandEnvironment(new SrcPaths(root), env, () -> euid));
        return new Run(status, out.toString(), err.toString());
    }
}
