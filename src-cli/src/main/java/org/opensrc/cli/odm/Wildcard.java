package org.opensrc.cli.odm;

/**
 * The {@code like} patterns of ODM criteria ({@code odmlike.c}, 4.1), as in sh(1): {@code *} any text, {@code ?} one
 * character, {@code [...]} one of the characters or ranges inside ({@code [!...]} one not inside). Every other
 * character, {@code %} and {@code _} included, stands for itself. Pure.
 */
public final class Wildcard {

    private Wildcard() {}

    public static boolean matches(String pattern, String text) {
        return matches(pattern, 0, text, 0);
    }

    private static boolean matches(String p, int pi, String s, int si) {
        while (true) {
            if (pi == p.length()) {
                return si == s.length();
            }
            char c = p.charAt(pi);
            switch (c) {
                case '*' -> {
                    while (pi < p.length() && p.charAt(pi) == '*') {
                        pi++;
                    }
                    if (pi == p.length()) {
                        return true;
                    }
                    for (int k = si; k < s.length(); k++) {
                        if (matches(p, pi, s, k)) {
                            return true;
                        }
                    }
                    return false;
                }
                case '?' -> {
                    if (si == s.length()) {
                        return false;
                    }
                    pi++;
                    si++;
                }
                case '[' -> {
                    if (si == s.length()) {
                        return false;
                    }
                    int end = p.indexOf(']', pi + 1);
                    if (end < 0) {
                        return false; // libodm: a class that does not close matches nothing
                    }
                    if (!inClass(p.substring(pi + 1, end), s.charAt(si))) {
                        return false;
                    }
                    pi = end + 1;
                    si++;
                }
                default -> {
                    if (si == s.length() || s.charAt(si) != c) {
                        return false;
                    }
                    pi++;
                    si++;
                }
            }
        }
    }

    private static boolean inClass(String set, char c) {
        boolean negate = set.startsWith("!");
        String body = negate ? set.substring(1) : set;
        boolean found = false;
        char low = 0;
        boolean haveLow = false;
        for (int i = 0; i < body.length(); i++) {
            char x = body.charAt(i);
            if (x == '-' && haveLow && i + 1 < body.length()) {
                char high = body.charAt(++i);
                if (c >= low && c <= high) {
                    found = true;
                }
                haveLow = false;
            } else {
                low = x;
                haveLow = true;
                if (c == x) {
                    found = true;
                }
            }
        }
        return found != negate;
    }
}
