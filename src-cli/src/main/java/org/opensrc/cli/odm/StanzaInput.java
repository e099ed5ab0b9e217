package org.opensrc.cli.odm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A stanza file's text and the name messages give it. */
record StanzaInput(String name, String text) {

    /** How messages name standard input (AIX's odmadd prints a null name there). */
    static final String STDIN = "(standard input)";

    static StanzaInput standardInput(InputStream in) throws IOException {
        return new StanzaInput(STDIN, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    /** The file {@code name}, or empty when it cannot be read. */
    static Optional<StanzaInput> file(String name) {
        try {
            return Optional.of(new StanzaInput(name, Files.readString(Path.of(name), StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** As AIX's odmadd opens a file: {@code name.add} first (unless the name ends in .add), then {@code name}. */
    static Optional<StanzaInput> odmaddFile(String name) {
        if (!name.endsWith(".add")) {
            var withExtension = file(name + ".add");
            if (withExtension.isPresent()) {
                return withExtension.map(i -> new StanzaInput(name + ".add", i.text()));
            }
        }
        return file(name);
    }
}
