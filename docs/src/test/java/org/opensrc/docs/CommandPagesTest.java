package org.opensrc.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps the documentation in step with the installable tree: every launcher in {@code dist/src/main/dist/bin} has a
 * page {@code docs/NAME.md} whose second-level headings are exactly Interface, Options, Exit codes, Examples and Notes,
 * in that order; and {@code docs/README.md} links every page of {@code docs/}.
 */
class CommandPagesTest {

    static final List<String> COMMAND_HEADINGS = List.of("Interface", "Options", "Exit codes", "Examples", "Notes");

    private static final Path DOCS = Path.of(System.getProperty("user.dir"));
    private static final Path BIN = DOCS.resolveSibling("dist/src/main/dist/bin");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+\\.md)(#[^)]*)?\\)");

    @TestFactory
    Stream<DynamicTest> everyLauncherHasAPageWithTheFiveHeadingsInOrder() throws IOException {
        List<String> launchers = launchers();
        assertFalse(launchers.isEmpty(), "no launchers found in " + BIN);
        return launchers.stream()
                .map(
                        name ->
                                DynamicTest.dynamicTest(
                                        name,
                                        () -> {
                                            Path page = DOCS.resolve(name + ".md");
                                            assertTrue(
                                                    Files.isRegularFile(page),
                                                    "launcher bin/" + name + " has no page " + page);
                                            assertEquals(
                                                    COMMAND_HEADINGS,
                                                    secondLevelHeadings(Files.readAllLines(page)),
                                                    page
                                                            + ": second-level headings must be exactly "
                                                            + COMMAND_HEADINGS
                                                            + ", in this order");
                                        }));
    }

    @Test
    void readmeLinksEveryPageOfTheDocsFolder() throws IOException {
        String readme = Files.readString(DOCS.resolve("README.md"));
        List<String> linked = new ArrayList<>();
        Matcher m = LINK.matcher(readme);
        while (m.find()) {
            linked.add(m.group(1));
        }
        List<String> missing;
        try (Stream<Path> files = Files.list(DOCS)) {
            missing =
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".md") && !n.equals("README.md"))
                            .filter(n -> !linked.contains(n))
                            .sorted()
                            .toList();
        }
        assertEquals(List.of(), missing, "docs/README.md does not link these pages");
    }

    @Test
    void headingsInsideCodeBlocksAreNotCounted() {
        List<String> lines = List.of("# lssrc", "## Interface", "```", "## not a heading", "```", "## Options");
        assertEquals(List.of("Interface", "Options"), secondLevelHeadings(lines));
    }

    /** The texts of the {@code ## } headings outside fenced code blocks, in order. */
    static List<String> secondLevelHeadings(List<String> lines) {
        List<String> headings = new ArrayList<>();
        boolean inCode = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            } else if (!inCode && line.startsWith("## ")) {
                headings.add(line.substring(3).strip());
            }
        }
        return headings;
    }

    private static List<String> launchers() throws IOException {
        assertTrue(Files.isDirectory(BIN), "no launcher folder " + BIN);
        try (Stream<Path> files = Files.list(BIN)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
