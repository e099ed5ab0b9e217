package org.opensrc.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The hostile tests' attacker: a Python script run as another user through {@code setpriv}. */
final class Attacker {

    /** The unprivileged user, in no group of its own choosing. */
    static final List<String> NOBODY =
            List.of("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--");

    static final String PYTHON = "/usr/bin/python3";

    private Attacker() {}

    /** Writes {@code text} to {@code name} in the root (readable by everyone, as the root is) and returns its path. */
    static String script(SrcRoot src, String name, String text) throws IOException {
        Path file = src.root.resolve(name);
        Files.writeString(file, text);
        return file.toString();
    }

    /** Runs the Python {@code script} as {@code user} (a setpriv prefix) with {@code args}; its stderr goes to ours. */
    static Process python(SrcRoot src, List<String> user, String name, String script, String... args)
            throws IOException {
        List<String> argv = new ArrayList<>(user);
        argv.add(PYTHON);
        argv.add(script(src, name, script));
        argv.addAll(List.of(args));
        return new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
