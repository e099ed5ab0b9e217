package org.opensrc.cli.command;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The flags and operands of one command, and the parsing of its command line as AIX's getopt(3) does it: flags may be
 * clustered ({@code -ls inetd}), a flag's value is the rest of its word or the next word whatever it looks like ({@code
 * -a -x} gives {@code -a} the value {@code -x}), and {@code --} ends the flags. As the commands always have: flags may
 * follow operands, {@code -s=name} gives {@code -s} its value, a flag given twice (other than one declared with {@link
 * #texts}) is an error, and a long flag whose value may be left out takes it as {@code --wait=30} or {@code --wait 30}.
 *
 * <p>A command declares each flag with what to do with its value; {@link #apply} parses a command line and, only when
 * every word is understood, hands each flag given to its consumer, in the order the flags were declared.
 */
public final class Flags {

    private enum Takes {
        NOTHING,
        A_VALUE,
        AN_OPTIONAL_VALUE
    }

    // (a method, not a pattern switch: that would make a class at each start, ~2 ms of a command's ~75)
    private sealed interface Slot permits Flag, Operands {
        void hand(List<Object> values);
    }

    private record Flag(
            String name,
            Takes takes,
            boolean repeatable,
            String fallback,
            Function<String, Object> convert,
            Consumer<Object> consumer)
            implements Slot {
        @Override
        public void hand(List<Object> values) {
            values.forEach(consumer);
        }
    }

    private record Operands(boolean restOfLine, Consumer<String> each) implements Slot {
        @Override
        public void hand(List<Object> values) {
            values.forEach(v -> each.accept((String) v));
        }
    }

    private final List<Slot> slots = new ArrayList<>();
    private final Map<String, Flag> byName = new LinkedHashMap<>();
    private Operands operands;

    Flags() {}

    /** A flag without a value ({@code -a}): {@code given} runs when it is on the command line. */
    public void flag(String name, Runnable given) {
        declare(new Flag(name, Takes.NOTHING, false, null, v -> v, v -> given.run()));
    }

    /** A flag with a text value ({@code -s name}); given twice, it is a usage error. */
    public void text(String name, Consumer<String> value) {
        declare(new Flag(name, Takes.A_VALUE, false, null, v -> v, v -> value.accept((String) v)));
    }

    /** A flag with a decimal {@code int} value ({@code -p 1234}, a sign allowed); anything else is a usage error. */
    public void number(String name, Consumer<Integer> value) {
        declare(new Flag(name, Takes.A_VALUE, false, null, Integer::valueOf, v -> value.accept((Integer) v)));
    }

    /** A flag with a decimal {@code long} value. */
    public void longNumber(String name, Consumer<Long> value) {
        declare(new Flag(name, Takes.A_VALUE, false, null, Long::valueOf, v -> value.accept((Long) v)));
    }

    /** A flag with a file name value ({@code -C /etc/inetd.conf}). */
    public void path(String name, Consumer<Path> value) {
        declare(new Flag(name, Takes.A_VALUE, false, null, Path::of, v -> value.accept((Path) v)));
    }

    /** A flag that may be given several times ({@code -s a -s b}): each value, in order. */
    public void texts(String name, Consumer<String> each) {
        declare(new Flag(name, Takes.A_VALUE, true, null, v -> v, v -> each.accept((String) v)));
    }

    /** A long flag whose number may be left out ({@code --wait}, {@code --wait=30}): {@code fallback} then. */
    public void optionalNumber(String name, String fallback, Consumer<Integer> value) {
        declare(
                new Flag(
                        name,
                        Takes.AN_OPTIONAL_VALUE,
                        false,
                        fallback,
                        Integer::valueOf,
                        v -> value.accept((Integer) v)));
    }

    /** The operands, each in order. */
    public void operands(Consumer<String> each) {
        declareOperands(new Operands(false, each));
    }

    /**
     * Every word from the first operand on, as an operand, dashes and all, as AIX's getopt takes them: in {@code
     * chsubserver … -g /usr/sbin/ftpd ftpd -l} the {@code -l} is ftpd's.
     */
    public void restOfLine(Consumer<String> each) {
        declareOperands(new Operands(true, each));
    }

    /** The flags declared, by name, in the order declared. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** Whether flag {@code name} must be followed by a value ({@code -s name}), so no flag can come next. */
    public boolean needsValue(String name) {
        Flag flag = byName.get(name);
        if (flag == null) {
            throw new IllegalArgumentException("no flag " + name);
        }
        return flag.takes() == Takes.A_VALUE;
    }

    /**
     * Parses {@code args}; when every word is understood, hands each flag given and the operands to their consumers, in
     * the order they were declared. Otherwise hands nothing and throws {@link BadCommandLine}.
     */
    public void apply(String... args) {
        Map<Slot, List<Object>> given = parse(args);
        for (Slot slot : slots) {
            List<Object> values = given.get(slot);
            if (values == null) {
                continue;
            }
            slot.hand(values);
        }
    }

    private Map<Slot, List<Object>> parse(String[] args) {
        Map<Slot, List<Object>> given = new IdentityHashMap<>();
        int next = 0;
        while (next < args.length) {
            String word = args[next++];
            if (word.equals("--")) {
                while (next < args.length) {
                    operand(given, args[next++]);
                }
                break;
            }
            Flag whole = byName.get(word);
            int equals = word.indexOf('=');
            Flag beforeEquals = whole == null && equals > 0 ? byName.get(word.substring(0, equals)) : null;
            if (whole != null) {
                String value = null;
                if (whole.takes() == Takes.A_VALUE) {
                    value = valueAt(args, next++, whole);
                } else if (whole.takes() == Takes.AN_OPTIONAL_VALUE) {
                    value = next < args.length && !args[next].startsWith("-") ? args[next++] : whole.fallback();
                }
                set(given, whole, value);
            } else if (beforeEquals != null) {
                if (beforeEquals.takes() == Takes.NOTHING) {
                    throw new BadCommandLine(beforeEquals.name() + " takes no value");
                }
                set(given, beforeEquals, word.substring(equals + 1));
            } else if (word.startsWith("--")) {
                throw new BadCommandLine("unknown flag " + word);
            } else if (word.startsWith("-") && word.length() > 1) {
                next = cluster(given, word, args, next);
            } else if (operands != null && operands.restOfLine()) {
                operand(given, word);
                while (next < args.length) {
                    operand(given, args[next++]);
                }
            } else {
                operand(given, word);
            }
        }
        return given;
    }

    // -lsinetd, -ls inetd, -ls=inetd: each letter a flag, until one that takes a value (the rest of the word, or the
    // next)
    private int cluster(Map<Slot, List<Object>> given, String word, String[] args, int next) {
        for (int i = 1; i < word.length(); i++) {
            Flag flag = byName.get("-" + word.charAt(i));
            if (flag == null || flag.takes() == Takes.AN_OPTIONAL_VALUE) {
                throw new BadCommandLine("unknown flag -" + word.charAt(i) + " in " + word);
            }
            if (flag.takes() == Takes.A_VALUE) {
                String rest = word.substring(i + 1);
                if (rest.isEmpty()) {
                    set(given, flag, valueAt(args, next, flag));
                    return next + 1;
                }
                set(given, flag, rest.startsWith("=") ? rest.substring(1) : rest);
                return next;
            }
            set(given, flag, null);
        }
        return next;
    }

    private static String valueAt(String[] args, int index, Flag flag) {
        if (index >= args.length) {
            throw new BadCommandLine(flag.name() + " needs a value");
        }
        return args[index];
    }

    private void set(Map<Slot, List<Object>> given, Flag flag, String value) {
        List<Object> values = given.computeIfAbsent(flag, f -> new ArrayList<>());
        if (!values.isEmpty() && !flag.repeatable()) {
            throw new BadCommandLine(flag.name() + " given twice");
        }
        try {
            values.add(value == null ? Boolean.TRUE : flag.convert().apply(value));
        } catch (NumberFormatException | InvalidPathException e) {
            throw new BadCommandLine(flag.name() + " " + value + ": " + e.getMessage());
        }
    }

    private void operand(Map<Slot, List<Object>> given, String word) {
        if (operands == null) {
            throw new BadCommandLine("no operand is taken: " + word);
        }
        given.computeIfAbsent(operands, o -> new ArrayList<>()).add(word);
    }

    private void declare(Flag flag) {
        if (byName.putIfAbsent(flag.name(), flag) != null) {
            throw new IllegalStateException("flag " + flag.name() + " declared twice");
        }
        slots.add(flag);
    }

    private void declareOperands(Operands declared) {
        if (operands != null) {
            throw new IllegalStateException("operands declared twice");
        }
        operands = declared;
        slots.add(declared);
    }

    /** A command line this command does not understand: an unknown flag, a missing or mistyped value. */
    public static final class BadCommandLine extends RuntimeException {
        BadCommandLine(String problem) {
            super(problem);
        }
    }
}
