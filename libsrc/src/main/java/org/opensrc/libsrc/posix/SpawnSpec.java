package org.opensrc.libsrc.posix;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to start one child.
 *
 * @param executable absolute path of the program (no PATH search)
 * @param argv the arguments, argv[0] included
 * @param env the exact environment, as "KEY=value" strings
 * @param extraFds descriptors that become fds 3, 4, ... in this order
 * @param newSession whether the child calls setsid (becomes session and group leader)
 * @param nice the nice value, -20..19; 0 leaves it unchanged
 * @param runAs the user to run as; empty runs as ourselves
 */
public record SpawnSpec(
        Path executable,
        List<String> argv,
        List<String> env,
        FdSource stdin,
        FdSource stdout,
        FdSource stderr,
        List<FdSource> extraFds,
        boolean newSession,
        int nice,
        Optional<RunAs> runAs) {

    /** The PATH of a login shell: what srcmstr and inetd give the children they start, never their own. */
    public static final String LOGIN_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public SpawnSpec {
        Objects.requireNonNull(executable, "executable");
        argv = List.copyOf(argv);
        env = List.copyOf(env);
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        extraFds = List.copyOf(extraFds);
        Objects.requireNonNull(runAs, "runAs");
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv must hold at least argv[0]");
        }
        if (nice < -20 || nice > 19) {
            throw new IllegalArgumentException("nice must be within -20..19, got " + nice);
        }
        for (String e : env) {
            if (e.indexOf('=') <= 0) {
                // the value is not shown: it may be a secret
                throw new IllegalArgumentException("an environment entry is not KEY=value");
            }
        }
    }

    /** A spec with /dev/null for stdio, no extra fds, no new session, our user and nice. */
    public static SpawnSpec of(Path executable, List<String> argv, List<String> env) {
        FdSource n = new FdSource.DevNull();
        return new SpawnSpec(executable, argv, env, n, n, n, List.of(), false, 0, Optional.empty());
    }

    public SpawnSpec withStdio(FdSource in, FdSource out, FdSource err) {
        return new SpawnSpec(executable, argv, env, in, out, err, extraFds, newSession, nice, runAs);
    }

    public SpawnSpec withExtraFds(List<FdSource> fds) {
        return new SpawnSpec(executable, argv, env, stdin, stdout, stderr, fds, newSession, nice, runAs);
    }

    public SpawnSpec withNewSession(boolean setsid) {
        return new SpawnSpec(executable, argv, env, stdin, stdout, stderr, extraFds, setsid, nice, runAs);
    }

    public SpawnSpec withNice(int value) {
        return new SpawnSpec(executable, argv, env, stdin, stdout, stderr, extraFds, newSession, value, runAs);
    }

    public SpawnSpec withRunAs(RunAs user) {
        return new SpawnSpec(
                executable, argv, env, stdin, stdout, stderr, extraFds, newSession, nice, Optional.of(user));
    }
}
