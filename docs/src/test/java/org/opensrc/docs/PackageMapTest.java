package org.opensrc.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The package map of {@code docs/packages.md} is the code's: every package of main code is listed and nothing else; no
 * two packages depend on each other, directly or round about; and in srcmstr only the wire edge speaks gRPC or proto
 * (the AIX message codes excepted).
 */
class PackageMapTest {

    private static final Path DOCS = Path.of(System.getProperty("user.dir"));
    private static final Path ROOT = DOCS.getParent();
    private static final Pattern ROW = Pattern.compile("^\\| `(org\\.opensrc[\\w.]*)` \\|.*");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\n]*");
    private static final Pattern QUALIFIED = Pattern.compile("\\b(org\\.opensrc(?:\\.[a-z]\\w*)+)\\.[A-Z]");

    /** srcmstr packages that make up the gRPC edge, and the edge files of the definitions package. */
    private static final Set<String> EDGE_PACKAGES =
            Set.of(
                    "org.opensrc.srcmstr",
                    "org.opensrc.srcmstr.control",
                    "org.opensrc.srcmstr.caller",
                    "org.opensrc.srcmstr.subsys",
                    "org.opensrc.srcmstr.remote");

    /**
     * Besides, SrcmstrLogging names gRPC's loggers (io.grpc, io.grpc.netty.shaded) to set their levels, as
     * srcmstr-logback.xml did before the set-up moved into code; it uses no gRPC type.
     */
    private static final Set<String> EDGE_FILES =
            Set.of("DefinitionService.java", "ProtoDefinitions.java", "SrcmstrLogging.java");

    private record Source(Path file, String pkg, String text) {}

    private static List<Source> mainSources() throws IOException {
        List<Source> sources = new ArrayList<>();
        List<Path> roots;
        try (Stream<Path> walk = Files.walk(ROOT, 5)) {
            roots = walk.filter(p -> p.endsWith(Path.of("src", "main", "java"))).toList();
        }
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(f);
                    Matcher m = PACKAGE.matcher(text);
                    if (m.find()) {
                        sources.add(new Source(f, m.group(1), text));
                    }
                }
            }
        }
        return sources;
    }

    /** The package of an imported name: the segments before the first capitalised one. */
    private static String packageOf(String name) {
        List<String> parts = new ArrayList<>();
        for (String part : name.split("\\.")) {
            if (Character.isUpperCase(part.charAt(0))) {
                break;
            }
            parts.add(part);
        }
        return String.join(".", parts);
    }

    private static Map<String, Set<String>> dependencies(List<Source> sources) {
        Map<String, Set<String>> deps = new TreeMap<>();
        for (Source s : sources) {
            Set<String> out = deps.computeIfAbsent(s.pkg(), k -> new TreeSet<>());
            Matcher imports = IMPORT.matcher(s.text());
            while (imports.find()) {
                out.add(packageOf(imports.group(1)));
            }
            Matcher qualified = QUALIFIED.matcher(COMMENT.matcher(s.text()).replaceAll(""));
            while (qualified.find()) {
                out.add(qualified.group(1));
            }
            out.remove(s.pkg());
            out.removeIf(p -> !p.startsWith("org.opensrc.") || p.startsWith("org.opensrc.proto"));
        }
        return deps;
    }

    @Test
    void thePackagePageListsExactlyThePackagesOfMainCode() throws IOException {
        Set<String> documented = new TreeSet<>();
        for (String line : Files.readAllLines(DOCS.resolve("packages.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                documented.add(m.group(1));
            }
        }
        Set<String> code = new TreeSet<>();
        mainSources().stream().map(Source::pkg).filter(p -> !p.startsWith("org.opensrc.proto")).forEach(code::add);
        assertEquals(code, documented);
    }

    @Test
    void noPackageDependsOnItselfRoundAbout() throws IOException {
        Map<String, Set<String>> deps = dependencies(mainSources());
        List<String> cycles = new ArrayList<>();
        for (String start : deps.keySet()) {
            // a path from one of start's dependencies back to start is a cycle through start
            Map<String, String> cameFrom = new HashMap<>();
            Deque<String> todo = new ArrayDeque<>(deps.get(start));
            deps.get(start).forEach(d -> cameFrom.put(d, start));
            while (!todo.isEmpty()) {
                String p = todo.poll();
                if (p.equals(start)) {
                    List<String> path = new ArrayList<>(List.of(start));
                    for (String at = cameFrom.get(start); !at.equals(start); at = cameFrom.get(at)) {
                        path.addFirst(at);
                    }
                    path.addFirst(start);
                    cycles.add(String.join(" -> ", path));
                    break;
                }
                for (String next : deps.getOrDefault(p, Set.of())) {
                    if (!cameFrom.containsKey(next)) {
                        cameFrom.put(next, p);
                        todo.add(next);
                    }
                }
            }
        }
        assertEquals(List.of(), cycles);
    }

    @Test
    void inSrcmstrOnlyTheWireEdgeSpeaksGrpcOrProto() throws IOException {
        List<String> outside = new ArrayList<>();
        for (Source s : mainSources()) {
            if (!s.pkg().startsWith("org.opensrc.srcmstr")
                    || EDGE_PACKAGES.contains(s.pkg())
                    || EDGE_FILES.contains(s.file().getFileName().toString())) {
                continue;
            }
            Matcher imports = IMPORT.matcher(s.text());
            while (imports.find()) {
                String name = imports.group(1);
                if ((name.startsWith("io.grpc") || name.startsWith("org.opensrc.proto"))
                        && !name.equals("org.opensrc.proto.v1.SrcCode")) {
                    outside.add(ROOT.relativize(s.file()) + ": " + name);
                }
            }
            if (s.text().contains("io.grpc.") && !s.text().contains("import io.grpc")) {
                outside.add(ROOT.relativize(s.file()) + ": a qualified io.grpc name");
            }
        }
        assertEquals(List.of(), outside);
    }
}
