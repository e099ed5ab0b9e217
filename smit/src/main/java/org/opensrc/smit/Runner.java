package org.opensrc.smit;

import java.util.List;

/** Runs one of the SRC commands and collects what it printed. */
interface Runner {
    Output run(List<String> argv);

    /** Exit status and output of a command that ran. */
    record Output(int status, String stdout, String stderr) {
        boolean ok() {
            return status == 0;
        }

        /** Standard output, then standard error, as the output screen shows them. */
        String text() {
            if (stderr.isEmpty()) {
                return stdout;
            }
            if (stdout.isEmpty() || stdout.endsWith("\n")) {
                return stdout + stderr;
            }
            return stdout + "\n" + stderr;
        }
    }
}
