package org.opensrc.cli.odm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code -q} search criteria of the ODM commands, read as libodm reads them ({@code odmfind.c}, 4.1): conditions
 * {@code descriptor relation value} joined by {@code and} (or {@code AND}); relations {@code = != < <= > >=} and {@code
 * like}/{@code LIKE}; a value is a word, or text in single quotes (no escapes). Strings take =, != and like ({@link
 * Wildcard} patterns); numbers take the six comparisons, values in C notation ({@link CNumber}). Beyond AIX, whose
 * libodm implements only {@code and}, {@code or} (or {@code OR}) joins alternatives, {@code and} binding tighter. An
 * empty criteria selects every object. Pure.
 */
public record Criteria(List<List<Condition>> alternatives) {

    /** Every object. */
    public static final Criteria ALL = new Criteria(List.of(List.of()));

    public Criteria {
        alternatives = alternatives.stream().map(List::copyOf).toList();
    }

    public boolean matches(OdmObject object) {
        for (List<Condition> all : alternatives) {
            if (all.stream().allMatch(c -> c.test(object))) {
                return true;
            }
        }
        return false;
    }

    /** The objects of {@code objects} that match, in order. */
    public List<OdmObject> select(List<OdmObject> objects) {
        return objects.stream().filter(this::matches).toList();
    }

    /** Reads {@code text} for {@code objectClass}; null or blank is {@link #ALL}. */
    public static Criteria parse(String text, ObjectClass objectClass) throws CriteriaException {
        Objects.requireNonNull(objectClass);
        if (text == null || text.isBlank()) {
            return ALL;
        }
        return new Parser(text, objectClass).parse();
    }

    private static final class Parser {
        private final String s;
        private final ObjectClass objectClass;
        private int pos;

        Parser(String s, ObjectClass objectClass) {
            this.s = s;
            this.objectClass = objectClass;
        }

        Criteria parse() throws CriteriaException {
            List<List<Condition>> alternatives = new ArrayList<>();
            List<Condition> current = new ArrayList<>();
            while (true) {
                skipBlanks();
                if (pos >= s.length()) {
                    break;
                }
                if (!current.isEmpty()) {
                    String conjunction = word();
                    skipBlanks();
                    if (pos >= s.length()) {
                        throw new CriteriaException("incomplete criteria: '" + conjunction + "' ends it");
                    }
                    switch (conjunction) {
                        case "and", "AND" -> {}
                        case "or", "OR" -> {
                            alternatives.add(current);
                            current = new ArrayList<>();
                        }
                        default ->
                                throw new CriteriaException(
                                        "'" + conjunction + "' where 'and' was expected between two conditions");
                    }
                }
                current.add(condition());
            }
            alternatives.add(current);
            return new Criteria(alternatives);
        }

        private Condition condition() throws CriteriaException {
            int start = pos;
            while (pos < s.length() && !blank(s.charAt(pos)) && "=!<>".indexOf(s.charAt(pos)) < 0) {
                pos++;
            }
            String element = s.substring(start, pos);
            skipBlanks();
            if (pos >= s.length()) {
                throw new CriteriaException("incomplete criterion: '" + element + "' without a relation");
            }
            Relation relation = null;
            for (Relation r : Relation.values()) {
                if (s.startsWith(r.text(), pos)) {
                    relation = r;
                    pos += r.text().length();
                    break;
                }
            }
            if (relation == null) {
                throw new CriteriaException("unknown relation after '" + element + "'");
            }
            skipBlanks();
            if (pos >= s.length()) {
                throw new CriteriaException(
                        "incomplete criterion: '" + element + " " + relation.text() + "' without a value");
            }
            String value;
            if (s.charAt(pos) == '\'') {
                int close = s.indexOf('\'', pos + 1);
                if (close < 0) {
                    throw new CriteriaException("no ending quote in the value of '" + element + "'");
                }
                value = s.substring(pos + 1, close);
                pos = close + 1;
            } else {
                value = word();
            }
            Descriptor descriptor =
                    objectClass
                            .descriptor(element)
                            .orElseThrow(
                                    () ->
                                            new CriteriaException(
                                                    "no descriptor '" + element + "' in " + objectClass.odmName()));
            if (descriptor.kind().numeric()) {
                if (!relation.forNumbers()) {
                    throw new CriteriaException(element + " is a number; '" + relation.text() + "' compares strings");
                }
                long number =
                        CNumber.parse(value)
                                .orElseThrow(
                                        () ->
                                                new CriteriaException(
                                                        "'" + value + "' is not a number (" + element + ")"));
                return new Condition(descriptor, relation, value, number);
            }
            if (!relation.forStrings()) {
                throw new CriteriaException(element + " is a string; '" + relation.text() + "' compares numbers");
            }
            return new Condition(descriptor, relation, value, 0);
        }

        private String word() {
            int start = pos;
            while (pos < s.length() && !blank(s.charAt(pos))) {
                pos++;
            }
            return s.substring(start, pos);
        }

        private void skipBlanks() {
            while (pos < s.length() && blank(s.charAt(pos))) {
                pos++;
            }
        }

        private static boolean blank(char c) {
            return c == ' ' || c == '\t';
        }
    }
}
