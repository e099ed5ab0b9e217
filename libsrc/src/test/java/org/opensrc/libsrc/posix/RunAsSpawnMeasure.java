package org.opensrc.libsrc.posix;

import java.nio.file.Path;
import java.util.List;

/**
 * Not a test: times {@code rounds} spawns (+ waitpid) of /bin/true as nobody through setpriv and through the thread
 * switch, interleaved, and as root without a switch. Run as root: {@code java --enable-native-access=ALL-UNNAMED -cp
 * target/classes:target/test-classes org.opensrc.libsrc.posix.RunAsSpawnMeasure 300}.
 */
final class RunAsSpawnMeasure {

    private RunAsSpawnMeasure() {}

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        User nobody = Users.byName("nobody").orElseThrow();
        SpawnSpec asRoot = SpawnSpec.of(Path.of("/bin/true"), List.of("true"), List.of("PATH=/usr/bin:/bin"));
        SpawnSpec spec = asRoot.withRunAs(new RunAs(nobody.uid(), nobody.gid()));
        run(spec, false, 50);
        run(spec, true, 50);
        for (int round = 1; round <= 3; round++) {
            long setpriv = run(spec, false, count);
            long thread = run(spec, true, count);
            long root = run(asRoot, true, count);
            System.out.printf(
                    "round %d: %d spawns as nobody: setpriv %d ms (%.3f ms each), thread switch %d ms"
                            + " (%.3f ms each), ratio %.2fx; no user switch %.3f ms each%n",
                    round,
                    count,
                    setpriv / 1_000_000,
                    setpriv / 1e6 / count,
                    thread / 1_000_000,
                    thread / 1e6 / count,
                    (double) setpriv / thread,
                    root / 1e6 / count);
        }
    }

    private static long run(SpawnSpec spec, boolean threadSwitch, int count) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (!(Spawner.spawn(spec, threadSwitch) instanceof SpawnResult.Spawned s)) {
                throw new IllegalStateException("spawn failed");
            }
            ExitStatus status = Posix.reap(s.pid(), true).orElseThrow();
            if (!(status instanceof ExitStatus.Exited(int code) && code == 0)) {
                throw new IllegalStateException("true ended with " + status.describe());
            }
        }
        return System.nanoTime() - start;
    }
}
