package org.opensrc.srcmstr.supervise;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an argument string into words as a POSIX shell would, without expansions: blanks separate words, single quotes
 * keep everything, double quotes keep all but {@code \"} and {@code \\}, a backslash outside quotes keeps the next
 * character.
 */
public final class ShellWords {

    private ShellWords() {}

    public static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated ' in: " + text);
                }
                word.append(text, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    char d = text.charAt(i);
                    if (d == '\\'
                            && i + 1 < text.length()
                            && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                        d = text.charAt(++i);
                    }
                    word.append(d);
                    i++;
                }
                if (i >= text.length()) {
                    throw new IllegalArgumentException("unterminated \" in: " + text);
                }
                inWord = true;
            } else if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return List.copyOf(words);
    }
}
