package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's Java example compiles (it is {@link ReadmeExample}), runs, and stays the same text. */
class ReadmeExampleTest {

    @Test
    void theExampleRuns() {
        assertEquals(List.of("2 + 3 = 5", "log 3", "log 2", "log 1", "Hello from WebAssembly", "memory[0] = 42",
                "trap: integer divide by zero in func 3 @ 0x4"), ReadmeExample.run());
    }

    @Test
    void theReadmeQuotesTheExampleVerbatim() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        Path readme = Files.exists(root.resolve("README.md")) && Files.exists(root.resolve("jawa-core"))
                ? root.resolve("README.md") : root.getParent().resolve("README.md");
        List<String> source = Files.readAllLines(
                root.resolve(Files.exists(root.resolve("src")) ? "" : "jawa-core")
                        .resolve("src/test/java/example/ReadmeExample.java"));
        int begin = source.indexOf("        // README-BEGIN");
        int end = source.indexOf("        // README-END");
        assertTrue(begin >= 0 && end > begin, "markers in ReadmeExample.java");
        String snippet = source.subList(begin + 1, end).stream()
                .map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .collect(Collectors.joining("\n", "```java\n", "\n```"));
        String text = Files.readString(readme);
        assertTrue(text.contains(snippet), "README.md must quote ReadmeExample.java's code between the markers, "
                + "dedented by 8 spaces, as a ```java block:\n" + snippet);
    }
}
