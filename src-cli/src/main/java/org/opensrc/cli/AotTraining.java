package org.opensrc.cli;

import org.opensrc.cli.command.CommandEnvironment;
import org.opensrc.libsrc.SrcPaths;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The training run of the commands' AOT cache ({@code lib/opensrc-aot-train}): runs, in this one JVM, every command
 * line read from standard input (one per line, words separated by blanks), their output discarded, so that the cache
 * holds what every command and form loads, failures and {@code --json} included. A line starting with {@code @ROOT}
 * runs on that SRC root instead of {@code $SRC_ROOT} (a root without srcmstr, for the definition commands' own path).
 * Prints how many ran.
 */
public final class AotTraining {

    private AotTraining() {}

    public static void main(String[] args) throws IOException {
        var discard = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int ran = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.strip().split("\\s+");
            if (words[0].isEmpty() || words[0].startsWith("#")) {
                continue;
            }
            var environment = CommandEnvironment.fromSystem();
            if (words[0].startsWith("@")) {
                environment = new CommandEnvironment(new SrcPaths(Path.of(words[0].substring(1))), System.getenv());
                words = Arrays.copyOfRange(words, 1, words.length);
            }
            Commands.run(words[0], Arrays.copyOfRange(words, 1, words.length), discard, discard, environment);
            ran++;
        }
        System.out.println("opensrc-aot-train: " + ran + " command lines");
    }
}
