package org.opensrc.smit;

import java.util.ArrayList;
import java.util.List;

/** Keeps what smitty would write to smit.log and smit.script, one line per event. */
final class RecordingRecorder implements Recorder {
    final List<String> events = new ArrayList<>();

    @Override
    public void started() {
        events.add("started");
    }

    @Override
    public void panel(Panel panel) {
        events.add("panel " + panel.id());
    }

    @Override
    public void command(List<String> argv, Runner.Output output) {
        events.add("command " + CommandLine.shellLine(argv) + " -> " + output.status());
    }

    @Override
    public void image(List<String> screen) {
        events.add("image");
    }

    @Override
    public void exited() {
        events.add("exited");
    }
}
