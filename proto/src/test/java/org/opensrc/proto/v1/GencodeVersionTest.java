package org.opensrc.proto.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.RuntimeVersion;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The build takes protobuf's gencode/runtime version check out of the generated classes (see proto/pom.xml); these
 * tests make the same check once, here, and show the calls are gone.
 */
class GencodeVersionTest {
    private static final Path GENERATED = Path.of("target/generated-sources/protobuf");
    private static final Path CLASSES = Path.of("target/classes");
    private static final Pattern VERSION_LINE =
            Pattern.compile("^// Protobuf Java Version: (\\d+)\\.(\\d+)\\.(\\d+)(\\S*)$", Pattern.MULTILINE);

    @Test
    void theGeneratedSourcesComeFromTheProtocOfTheRuntimeInUse() throws IOException {
        List<Path> sources = files(GENERATED, ".java");
        assertFalse(sources.isEmpty(), "no generated sources under " + GENERATED.toAbsolutePath());
        for (Path source : sources) {
            if (source.getFileName().toString().endsWith("Grpc.java")) {
                continue; // grpc-java's stubs carry no protobuf version
            }
            Matcher version = VERSION_LINE.matcher(Files.readString(source));
            assertTrue(version.find(), source + " names no protobuf version");
            // Throws ProtobufRuntimeVersionException when gencode and runtime do not match.
            RuntimeVersion.validateProtobufGencodeVersion(
                    RuntimeVersion.RuntimeDomain.PUBLIC,
                    Integer.parseInt(version.group(1)),
                    Integer.parseInt(version.group(2)),
                    Integer.parseInt(version.group(3)),
                    version.group(4),
                    source.toString());
            assertEquals(
                    RuntimeVersion.MAJOR + "." + RuntimeVersion.MINOR + "." + RuntimeVersion.PATCH,
                    version.group(1) + "." + version.group(2) + "." + version.group(3),
                    source + " was generated for another runtime");
        }
    }

    @Test
    void noGeneratedClassChecksTheVersionWhenItIsLoaded() throws IOException {
        List<Path> classes = files(CLASSES, ".class");
        assertFalse(classes.isEmpty(), "no classes under " + CLASSES.toAbsolutePath());
        for (Path compiled : classes) {
            String constants = new String(Files.readAllBytes(compiled), StandardCharsets.ISO_8859_1);
            assertFalse(
                    constants.contains("validateProtobufGencodeVersion"),
                    compiled + " still calls RuntimeVersion.validateProtobufGencodeVersion");
        }
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
