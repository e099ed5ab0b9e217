package org.opensrc.smit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Answers commands from a table (by the whole command line) and keeps what ran. */
final class FakeRunner implements Runner {
    final List<List<String>> ran = new ArrayList<>();
    private final Map<String, Output> answers = new HashMap<>();

    FakeRunner answer(String line, int status, String stdout) {
        answers.put(line, new Output(status, stdout, ""));
        return this;
    }

    @Override
    public Output run(List<String> argv) {
        ran.add(argv);
        return answers.getOrDefault(String.join(" ", argv), new Output(0, "", ""));
    }
}
