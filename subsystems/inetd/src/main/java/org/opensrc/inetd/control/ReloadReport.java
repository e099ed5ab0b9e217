package org.opensrc.inetd.control;

import org.opensrc.inetd.config.Problem;

import java.util.List;

/**
 * What a reload did. {@code applied} is false when the file was unreadable or a running service's line broke: then the
 * running configuration stays and {@code problems} says why.
 */
public record ReloadReport(
        boolean applied,
        List<String> added,
        List<String> removed,
        List<String> changed,
        int unchanged,
        List<Problem> problems) {
    public ReloadReport {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        problems = List.copyOf(problems);
    }

    public static ReloadReport rejected(List<Problem> problems) {
        return new ReloadReport(false, List.of(), List.of(), List.of(), 0, problems);
    }
}
