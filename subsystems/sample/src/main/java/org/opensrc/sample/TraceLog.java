package org.opensrc.sample;

import java.io.PrintStream;

/** The sample's log level: trace lines go to stderr only while tracing is on. */
final class TraceLog {

    private final PrintStream err;
    private volatile boolean on;
    private volatile boolean longTrace;

    TraceLog(PrintStream err) {
        this.err = err;
    }

    void set(boolean enabled, boolean longFormat) {
        this.on = enabled;
        this.longTrace = enabled && longFormat;
    }

    boolean on() {
        return on;
    }

    boolean longTrace() {
        return longTrace;
    }

    void trace(String line) {
        if (on) {
            err.println("sample: trace: " + line);
        }
    }

    void info(String line) {
        err.println("sample: " + line);
    }
}
