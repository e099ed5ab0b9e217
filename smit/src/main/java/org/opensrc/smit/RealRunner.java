package org.opensrc.smit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the commands of the tree smitty belongs to: {@code startsrc} is {@code BIN/startsrc}, so SRC_ROOT and the tree's
 * own launchers apply. Standard input is /dev/null; the environment is smitty's.
 */
final class RealRunner implements Runner {
    private final Path bin;

    RealRunner(Path bin) {
        this.bin = bin;
    }

    @Override
    public Output run(List<String> argv) {
        List<String> command = new ArrayList<>(argv);
        command.set(0, bin.resolve(argv.getFirst()).toString());
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("smit", ".out");
            err = Files.createTempFile("smit", ".err");
            Process p =
                    new ProcessBuilder(command)
                            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                            .redirectOutput(out.toFile())
                            .redirectError(err.toFile())
                            .start();
            int status = p.waitFor();
            return new Output(
                    status,
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Output(127, "", argv.getFirst() + ": " + e.getMessage() + "\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Output(130, "", argv.getFirst() + ": interrupted\n");
        } finally {
            delete(out);
            delete(err);
        }
    }

    private static void delete(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
