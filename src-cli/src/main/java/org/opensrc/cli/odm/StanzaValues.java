package org.opensrc.cli.odm;

import org.opensrc.cli.odm.StanzaException.Problem;

import java.util.LinkedHashMap;
import java.util.Map;

/** The values a stanza gives for its class, checked as odmadd checks them: known descriptors, numbers that fit. */
public final class StanzaValues {

    private StanzaValues() {}

    /**
     * The descriptors {@code stanza} gives, each with its last value.
     *
     * @throws StanzaException INVALID_DESCRIPTOR for a descriptor {@code objectClass} does not have, INVALID_NUMBER for
     *     a number descriptor whose value is not a number of its size
     */
    public static Map<String, String> of(Stanza stanza, ObjectClass objectClass) throws StanzaException {
        Map<String, String> values = new LinkedHashMap<>();
        for (Stanza.Field f : stanza.fields()) {
            Descriptor d =
                    objectClass
                            .descriptor(f.name())
                            .orElseThrow(() -> new StanzaException(Problem.INVALID_DESCRIPTOR, f.line(), f.name()));
            if (d.kind().numeric()) {
                var n = CNumber.parse(f.value());
                boolean fits =
                        n.isPresent()
                                && (d.kind() != Descriptor.Kind.SHORT
                                        || (n.getAsLong() >= Short.MIN_VALUE && n.getAsLong() <= Short.MAX_VALUE));
                boolean word = n.isEmpty() && objectClass.allowsWord(d) && !f.value().isBlank();
                if (!fits && !word) {
                    throw new StanzaException(Problem.INVALID_NUMBER, f.line(), f.name());
                }
                values.put(d.name(), fits ? Long.toString(n.getAsLong()) : f.value().strip());
            } else {
                values.put(d.name(), f.value());
            }
        }
        return values;
    }
}
