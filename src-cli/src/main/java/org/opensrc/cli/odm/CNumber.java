package org.opensrc.cli.odm;

import java.util.OptionalLong;

/**
 * Numbers as ODM reads them, with C's {@code strtol(text, &end, 0)} and the whole text required: optional blanks and
 * sign, then decimal, {@code 0x} hexadecimal or {@code 0} octal digits; the empty text is 0. Pure.
 */
public final class CNumber {

    private CNumber() {}

    public static OptionalLong parse(String text) {
        if (text.isEmpty()) {
            return OptionalLong.of(0);
        }
        int i = 0;
        while (i < text.length() && StanzaReader.blank(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int radix = 10;
        if (text.startsWith("0x", i) || text.startsWith("0X", i)) {
            radix = 16;
            i += 2;
        } else if (text.startsWith("0", i) && i + 1 < text.length()) {
            radix = 8;
            i++;
        }
        if (i >= text.length()) {
            return OptionalLong.empty();
        }
        long value = 0;
        for (; i < text.length(); i++) {
            int digit = Character.digit(text.charAt(i), radix);
            if (digit < 0 || text.charAt(i) > 'f') {
                return OptionalLong.empty();
            }
            if (value > (Long.MAX_VALUE - digit) / radix) {
                return OptionalLong.empty();
            }
            value = value * radix + digit;
        }
        return OptionalLong.of(negative ? -value : value);
    }
}
