package org.opensrc.srcmstr.state;

import java.util.Objects;

/** The first line of {@code state.journal}: the id of the image ({@link StateImage#journal}) it continues. */
public record JournalHeader(String journal) {
    public JournalHeader {
        Objects.requireNonNull(journal, "journal");
    }
}
