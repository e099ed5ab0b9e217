package org.opensrc.libsrc.posix;

/** How a process ended: a sealed set, so a switch over it needs no default. */
public sealed interface ExitStatus {

    /** A short text for messages and logs: "exit 3", "signal 9", "signal 6 (core dumped)". */
    String describe();

    /** The process called exit with {@code code} (0..255). */
    record Exited(int code) implements ExitStatus {
        public Exited {
            if (code < 0 || code > 255) {
                throw new IllegalArgumentException("exit code out of range: " + code);
            }
        }

        @Override
        public String describe() {
            return "exit " + code;
        }
    }

    /** The process was ended by {@code signal}. */
    record Killed(int signal, boolean coreDumped) implements ExitStatus {
        public Killed {
            if (signal <= 0 || signal > 64) {
                throw new IllegalArgumentException("signal out of range: " + signal);
            }
        }

        @Override
        public String describe() {
            return "signal " + signal + (coreDumped ? " (core dumped)" : "");
        }
    }

    /** The process ended, but it was not our child, so its status is unknown. */
    record Unknown() implements ExitStatus {
        @Override
        public String describe() {
            return "unknown";
        }
    }

    /** Decodes a {@code waitpid} status word of a process that terminated. */
    static ExitStatus fromWaitStatus(int status) {
        int low = status & 0x7f;
        if (low == 0) {
            return new Exited((status >> 8) & 0xff);
        }
        if (low != 0x7f) {
            return new Killed(low, (status & 0x80) != 0);
        }
        throw new IllegalArgumentException("not a termination status: 0x" + Integer.toHexString(status));
    }

    /** Decodes {@code si_code} and {@code si_status} of a {@code waitid} siginfo. */
    static ExitStatus fromSiginfo(int code, int status) {
        return switch (code) {
            case 1 -> new Exited(status & 0xff); // CLD_EXITED
            case 2 -> new Killed(status, false); // CLD_KILLED
            case 3 -> new Killed(status, true); // CLD_DUMPED
            default -> throw new IllegalArgumentException("not a termination si_code: " + code);
        };
    }
}
