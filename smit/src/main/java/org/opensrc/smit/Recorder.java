package org.opensrc.smit;

import java.util.List;

/** Where smitty records what it did: smit.log and smit.script. */
interface Recorder {
    void started();

    void panel(Panel panel);

    void command(List<String> argv, Runner.Output output);

    void image(List<String> screen);

    void exited();
}
