package org.opensrc.smit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code smitty} and {@code smit}: {@code smitty [-l LogFile] [-s ScriptFile] [FastPath]}. The program's name comes
 * first (the launcher passes it); without a fast path the src menu opens.
 */
public final class Main {
    // JLine logs through java.util.logging: nothing of it may reach the screen
    private static final Logger JLINE = Logger.getLogger("org.jline");

    private Main() {}

    public static void main(String[] args) {
        JLINE.setLevel(Level.OFF);
        System.exit(run(List.of(args), System.out));
    }

    static int run(List<String> args, PrintStream out) {
        String program = args.isEmpty() ? "smitty" : args.getFirst();
        if (args.size() > 1 && args.get(1).equals("--version")) {
            String version = Main.class.getPackage().getImplementationVersion();
            out.println(program + " (OpenSRC) " + (version != null ? version : "unknown"));
            return 0;
        }
        String home = System.getenv("HOME");
        Path dir = Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home", "."));
        Path log = dir.resolve("smit.log");
        Path script = dir.resolve("smit.script");
        List<String> rest = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("-l") || a.equals("-s")) && i + 1 < args.size()) {
                Path p = Path.of(args.get(++i));
                if (a.equals("-l")) {
                    log = p;
                } else {
                    script = p;
                }
            } else if (a.equals("--help") || a.startsWith("-")) {
                out.println("Usage: " + program + " [-l LogFile] [-s ScriptFile] [FastPath]");
                out.println(
                        "Fast paths: "
                                + String.join(
                                        " ",
                                        new SrcTree().fastPaths().stream().filter(p -> !p.contains(".")).toList()));
                return a.equals("--help") ? 0 : 1;
            } else {
                rest.add(a);
            }
        }
        if (rest.size() > 1) {
            out.println("Usage: " + program + " [-l LogFile] [-s ScriptFile] [FastPath]");
            return 1;
        }
        String fastPath = rest.isEmpty() ? "src" : rest.getFirst();
        String tree = System.getProperty("opensrc.home");
        Path bin = tree != null ? Path.of(tree, "bin") : Path.of(".");
        Session session =
                new Session(
                        new SrcTree(),
                        new RealRunner(bin),
                        new SmitFiles(log, script, Clock.systemDefaultZone()),
                        fastPath);
        try (TerminalScreen screen = TerminalScreen.open()) {
            screen.run(session);
            return 0;
        } catch (IOException | IllegalStateException e) {
            out.println(program + ": cannot use the terminal: " + e.getMessage());
            return 1;
        }
    }
}
