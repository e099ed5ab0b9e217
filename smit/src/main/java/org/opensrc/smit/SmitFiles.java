package org.opensrc.smit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Appends to smit.log and smit.script ($HOME's, or those given with -l and -s), as AIX SMIT does. A file that cannot be
 * written is skipped: the record is no reason to stop the admin's work.
 */
final class SmitFiles implements Recorder {
    private final Path log;
    private final Path script;
    private final Clock clock;

    SmitFiles(Path log, Path script, Clock clock) {
        this.log = log;
        this.script = script;
        this.clock = clock;
    }

    @Override
    public void started() {
        append(log, SmitRecords.started(now()));
    }

    @Override
    public void panel(Panel panel) {
        append(log, SmitRecords.panel(panel));
    }

    @Override
    public void command(List<String> argv, Runner.Output output) {
        ZonedDateTime now = now();
        append(log, SmitRecords.command(now, argv, output));
        append(script, SmitRecords.script(now, argv));
    }

    @Override
    public void image(List<String> screen) {
        append(log, SmitRecords.image(now(), screen));
    }

    @Override
    public void exited() {
        append(log, SmitRecords.exited(now()));
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(clock);
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // not recorded; the screens go on (AIX smit carries on the same way without a writable $HOME)
        }
    }
}
