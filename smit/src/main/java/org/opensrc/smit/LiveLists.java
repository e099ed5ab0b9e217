package org.opensrc.smit;

import java.util.ArrayList;
import java.util.List;

/** F4's choices from the registry as it is now: {@code lssrc -S}, {@code -T}, {@code -N}. */
final class LiveLists {
    private final Runner runner;

    LiveLists(Runner runner) {
        this.runner = runner;
    }

    List<String> of(ListSource source) {
        return switch (source) {
            case NONE -> List.of();
            case SUBSYSTEMS -> column(List.of("lssrc", "-S"), "subsysname");
            case GROUPS -> column(List.of("lssrc", "-S"), "grpname");
            case SUBSYSTEMS_AND_GROUPS -> {
                List<String> names = new ArrayList<>(of(ListSource.SUBSYSTEMS));
                of(ListSource.GROUPS).stream().filter(g -> !names.contains(g)).forEach(names::add);
                yield names;
            }
            case SUBSERVER_TYPES -> column(List.of("lssrc", "-T"), "sub_type");
            case NOTIFY_NAMES -> column(List.of("lssrc", "-N"), "notifyname");
        };
    }

    private List<String> column(List<String> argv, String name) {
        Runner.Output out = runner.run(argv);
        return out.ok() ? ColonFormat.column(out.stdout(), name) : List.of();
    }
}
