package org.manabi.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The rules of DESIGN.md that a reviewer would otherwise have to remember: arrows point down, no
 * UI toolkit below org.manabi.ui, no Activator singletons, no console debugging, and every
 * English message has its Japanese twin.
 */
class ArchitectureTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("manabi.repository")).toAbsolutePath()
            .normalize();

    /** For each bundle, the Manabi bundles it may depend on (DESIGN.md, "Bundles and the direction of arrows"). */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("org.manabi.model", Set.of()),
            Map.entry("org.manabi.model.edit", Set.of("org.manabi.model")),
            Map.entry("org.manabi.content", Set.of("org.manabi.model", "org.manabi.model.edit")),
            Map.entry("org.manabi.search", Set.of()),
            Map.entry("org.manabi.report", Set.of("org.manabi.content", "org.manabi.model", "org.manabi.model.edit")),
            // question banks in and out: over the model (and the content it lives in), never a server or UI
            Map.entry("org.manabi.exchange", Set.of("org.manabi.content", "org.manabi.model", "org.manabi.model.edit")),
            Map.entry("org.manabi.store", Set.of()),
            // a fragment of logback-classic: the logfmt layout and logback.xml, below every Manabi bundle
            Map.entry("org.manabi.logging", Set.of()),
            // grading, shuffling and item statistics over the model's quizzes: pure, no store, no server
            Map.entry("org.manabi.quiz", Set.of("org.manabi.model")),
            // the server hands certificates and receipts to report, which lays out the committee's PDFs
            Map.entry("org.manabi.server", Set.of("org.manabi.content", "org.manabi.store", "org.manabi.search",
                    "org.manabi.quiz", "org.manabi.report", "org.manabi.model", "org.manabi.model.edit")),
            // the Results view shows the quiz bundle's item statistics; the import/export wizards use exchange;
            // File > Annual Report writes what the report bundle makes
            Map.entry("org.manabi.ui", Set.of("org.manabi.server", "org.manabi.content", "org.manabi.store",
                    "org.manabi.search", "org.manabi.quiz", "org.manabi.exchange", "org.manabi.report", "org.manabi.model",
                    "org.manabi.model.edit")),
            Map.entry("org.manabi.app", Set.of("org.manabi.ui", "org.manabi.server", "org.manabi.content",
                    "org.manabi.report", "org.manabi.exchange", "org.manabi.store", "org.manabi.search",
                    "org.manabi.model", "org.manabi.model.edit")));

    private static final List<String> UI_TOOLKIT = List.of("org.eclipse.swt", "org.eclipse.jface", "org.eclipse.ui",
            "org.eclipse.e4.ui");

    @Test
    void everyBundleOfTheDesignExistsAndArrowsPointDown() throws IOException {
        assertEquals(ALLOWED.keySet(), new TreeSet<>(bundleNames()), "bundles/ against DESIGN.md");
        for (String bundle : bundleNames()) {
            Set<String> used = new TreeSet<>();
            for (String dependency : dependencies(manifest(bundle))) {
                if (dependency.startsWith("org.manabi.")) {
                    used.add(ALLOWED.containsKey(dependency) ? dependency : owningBundle(dependency));
                }
            }
            used.remove(bundle);
            used.removeAll(ALLOWED.get(bundle));
            assertEquals(Set.of(), used, bundle + " depends on bundles above it or beside it");
        }
    }

    @Test
    void noUiToolkitBelowTheUiBundle() throws IOException {
        for (String bundle : bundleNames()) {
            if (bundle.equals("org.manabi.ui") || bundle.equals("org.manabi.app")) {
                continue;
            }
            for (String dependency : dependencies(manifest(bundle))) {
                assertTrue(UI_TOOLKIT.stream().noneMatch(dependency::startsWith),
                        bundle + " must not depend on the UI toolkit, but uses " + dependency);
            }
        }
    }

    @Test
    void noActivatorsButTheOneEmfGenerates() throws IOException {
        for (String bundle : bundleNames()) {
            String activator = manifest(bundle).getValue("Bundle-Activator");
            if (bundle.equals("org.manabi.model.edit")) {
                continue; // EMF.Edit's generated plug-in class, which item providers use to find icons and labels
            }
            assertEquals(null, activator, bundle + " has an Activator; use Declarative Services");
        }
    }

    @Test
    void noConsoleDebuggingInBundles() throws IOException {
        // the command line, the workbench's start messages, and the one line of figures bench/workbench-start.sh reads
        Set<String> consoleOwners = Set.of("CommandLineApplication.java", "WorkbenchApplication.java",
                "WorkbenchBenchmark.java");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(REPOSITORY.resolve("bundles"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/")).toList()) {
                String text = Files.readString(source, StandardCharsets.UTF_8);
                boolean console = text.contains("System.out") || text.contains("System.err")
                        || text.contains("printStackTrace");
                if (console && !consoleOwners.contains(source.getFileName().toString())) {
                    offenders.add(REPOSITORY.relativize(source).toString());
                }
            }
        }
        assertEquals(List.of(), offenders, "log through SLF4J, or write to the command's own writers");
    }

    @Test
    void everyMessageFileHasAJapaneseTwinWithTheSameKeys() throws IOException {
        List<Path> english;
        try (Stream<Path> files = Stream.concat(Files.walk(REPOSITORY.resolve("bundles")),
                Files.walk(REPOSITORY.resolve("features")))) {
            english = files.filter(p -> p.toString().endsWith(".properties"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/bin/"))
                    .filter(p -> !p.getFileName().toString().contains("_"))
                    .filter(p -> !p.getFileName().toString().equals("build.properties"))
                    .filter(p -> !p.toString().contains("/rootfiles/")) // configuration, not messages
                    .filter(p -> !p.toString().contains("org.manabi.model/")) // EMF's own, never shown
                    .toList();
        }
        assertTrue(english.size() >= 10, "message files found: " + english);
        for (Path file : english) {
            Path japanese = file.resolveSibling(file.getFileName().toString().replace(".properties", "_ja.properties"));
            assertTrue(Files.exists(japanese), "no Japanese translation beside " + REPOSITORY.relativize(file));
            assertEquals(load(file).stringPropertyNames(), load(japanese).stringPropertyNames(),
                    "keys of " + REPOSITORY.relativize(japanese));
            String raw = Files.readString(japanese, StandardCharsets.ISO_8859_1);
            assertTrue(raw.chars().allMatch(c -> c < 128),
                    REPOSITORY.relativize(japanese) + " must be \\u-escaped (releng/escape-properties.py): "
                            + "OSGi and NLS read .properties as ISO-8859-1");
        }
    }

    private static List<String> bundleNames() throws IOException {
        try (Stream<Path> folders = Files.list(REPOSITORY.resolve("bundles"))) {
            return folders.filter(p -> Files.exists(p.resolve("META-INF/MANIFEST.MF")))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Attributes manifest(String bundle) throws IOException {
        try (InputStream in = Files.newInputStream(REPOSITORY.resolve("bundles").resolve(bundle)
                .resolve("META-INF/MANIFEST.MF"))) {
            return new Manifest(in).getMainAttributes();
        }
    }

    /** Required bundles and imported packages, without attributes. */
    private static List<String> dependencies(Attributes manifest) {
        List<String> names = new ArrayList<>();
        for (String header : List.of("Require-Bundle", "Import-Package")) {
            String value = manifest.getValue(header);
            if (value != null) {
                // commas inside quoted version ranges are not separators
                Arrays.stream(value.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)"))
                        .map(clause -> clause.split(";")[0].strip()).forEach(names::add);
            }
        }
        return names;
    }

    /** The bundle that exports a package of ours: the longest bundle name that prefixes it. */
    private static String owningBundle(String packageName) {
        return ALLOWED.keySet().stream().filter(b -> packageName.equals(b) || packageName.startsWith(b + "."))
                .max((a, b) -> Integer.compare(a.length(), b.length())).orElse(packageName);
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }
}
