package org.opensrc.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.opensrc.libsrc.Messages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The message table of {@code docs/compatibility.md} is the catalog the commands print (a multi-line text on one line,
 * see {@code docs/messages.md}).
 */
class CatalogPageTest {

    private static final Path PAGE = Path.of(System.getProperty("user.dir")).resolve("compatibility.md");
    private static final Pattern ROW = Pattern.compile("^\\| 0513-\\d{3} \\| .* \\|$");

    @Test
    void theCompatibilityPageListsExactlyTheCatalog() throws IOException {
        List<String> documented = Files.readAllLines(PAGE).stream().filter(l -> ROW.matcher(l).matches()).toList();
        List<String> catalog =
                Messages.catalog().entrySet().stream()
                        .sorted(
                                java.util.Map.Entry.comparingByKey(
                                        java.util.Comparator.comparingInt(c -> c.getNumber())))
                        // a table row holds one line: a text AIX prints on several shows each break as a blank
                        .map(
                                e ->
                                        String.format(
                                                "| 0513-%03d | %s |",
                                                e.getKey().getNumber(), e.getValue().replaceAll(" *\n", " ")))
                        .toList();
        assertEquals(catalog, documented);
    }
}
