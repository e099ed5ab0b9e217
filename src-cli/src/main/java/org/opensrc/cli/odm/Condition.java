package org.opensrc.cli.odm;

import java.util.Objects;

/** One {@code descriptor relation value} of a criteria, checked against the descriptor's kind when parsed. */
public record Condition(Descriptor descriptor, Relation relation, String value, long number) {

    public Condition {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(value, "value");
    }

    /** Whether {@code object}'s value of the descriptor meets this condition. */
    public boolean test(OdmObject object) {
        String actual = object.value(descriptor.name());
        if (!descriptor.kind().numeric()) {
            return switch (relation) {
                case EQ -> actual.equals(value);
                case NE -> !actual.equals(value);
                case LIKE, LIKE_LOWER -> Wildcard.matches(value, actual);
                case LE, GE, LT, GT -> throw new IllegalStateException("string compared with " + relation);
            };
        }
        var parsed = CNumber.parse(actual);
        if (parsed.isEmpty()) {
            // a word where AIX has a number (a Linux-only signal): only != holds
            return relation == Relation.NE;
        }
        long a = parsed.getAsLong();
        long b = descriptor.kind() == Descriptor.Kind.SHORT ? (short) number : number;
        return switch (relation) {
            case EQ -> a == b;
            case NE -> a != b;
            case LT -> a < b;
            case GT -> a > b;
            case LE -> a <= b;
            case GE -> a >= b;
            case LIKE, LIKE_LOWER -> throw new IllegalStateException("number compared with like");
        };
    }
}
