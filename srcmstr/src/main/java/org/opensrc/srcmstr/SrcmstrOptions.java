package org.opensrc.srcmstr;

import java.util.Optional;

/**
 * srcmstr's flags. {@code -r}: accept remote requests. {@code -B}: no re-adoption of subsystems after a restart (AIX
 * 4.3.1 behaviour).
 */
record SrcmstrOptions(boolean remote, boolean noReadoption) {

    static Optional<SrcmstrOptions> parse(String[] args) {
        boolean remote = false;
        boolean noReadoption = false;
        for (String arg : args) {
            if (!arg.startsWith("-") || arg.length() < 2) {
                return Optional.empty();
            }
            for (char flag : arg.substring(1).toCharArray()) {
                switch (flag) {
                    case 'r' -> remote = true;
                    case 'B' -> noReadoption = true;
                    default -> {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.of(new SrcmstrOptions(remote, noReadoption));
    }
}
