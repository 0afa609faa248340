package org.manabi.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The p2 update site (releng/org.manabi.repository) as an installation reads it: a Manabi category
 * with the product and the workbench feature of this very build, every bundle each desktop's product runs, one
 * qualifier (the build time) for everything Manabi builds, and the release notes.
 */
class UpdateSiteTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("manabi.repository")).toAbsolutePath().normalize();
    private static final Path SITE = REPOSITORY.resolve("releng/org.manabi.repository/target/repository");
    private static final Path PRODUCTS = REPOSITORY.resolve("releng/org.manabi.product/target/products/org.manabi.product");
    private static final Pattern VERSION = Pattern.compile("0\\.1\\.0\\.(\\d{12})");

    /** The site's installable units: id to the list of their versions. */
    private static Map<String, List<String>> units(Document content) {
        Map<String, List<String>> units = new TreeMap<>();
        NodeList nodes = content.getElementsByTagName("unit");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element unit = (Element) nodes.item(i);
            units.computeIfAbsent(unit.getAttribute("id"), id -> new ArrayList<>()).add(unit.getAttribute("version"));
        }
        return units;
    }

    private static Document content() throws Exception {
        try (ZipFile jar = new ZipFile(SITE.resolve("content.jar").toFile());
                InputStream xml = jar.getInputStream(jar.getEntry("content.xml"))) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml);
        }
    }

    private static String featureVersion() throws Exception {
        List<String> versions = units(content()).get("org.manabi.workbench.feature.feature.group");
        assertEquals(1, versions.size(), "one workbench feature: " + versions);
        return versions.get(0);
    }

    @Test
    void categoryManabiHoldsTheProductAndTheWorkbenchFeatureOfThisBuild() throws Exception {
        Document content = content();
        String feature = featureVersion();
        List<String> categories = new ArrayList<>();
        NodeList nodes = content.getElementsByTagName("unit");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element unit = (Element) nodes.item(i);
            if (hasProperty(unit, "org.eclipse.equinox.p2.type.category", "true")) {
                assertTrue(hasProperty(unit, "org.eclipse.equinox.p2.name", "Manabi"));
                NodeList required = unit.getElementsByTagName("required");
                for (int r = 0; r < required.getLength(); r++) {
                    Element requirement = (Element) required.item(r);
                    categories.add(requirement.getAttribute("name") + " " + requirement.getAttribute("range"));
                }
            }
        }
        assertEquals(List.of("org.manabi.product [" + feature + "," + feature + "]",
                "org.manabi.workbench.feature.feature.group [" + feature + "," + feature + "]"), categories.stream().sorted().toList(),
                "the product (the root unit of an installation) and its feature, both of this build");
    }

    /** Versions grow with every build: all Manabi units carry this build's UTC time as their qualifier. */
    @Test
    void everyManabiUnitCarriesTheBuildTimeAsQualifier() throws Exception {
        String feature = featureVersion();
        Matcher version = VERSION.matcher(feature);
        assertTrue(version.matches(), feature);
        LocalDateTime built = LocalDateTime.parse(version.group(1), DateTimeFormatter.ofPattern("yyyyMMddHHmm"));
        assertFalse(built.isAfter(LocalDateTime.now(ZoneOffset.UTC).plusMinutes(1)), "the qualifier is a past UTC time: " + built);

        Map<String, List<String>> units = units(content());
        List<String> manabi = units.keySet().stream().filter(id -> id.startsWith("org.manabi.")).toList();
        assertTrue(manabi.containsAll(List.of("org.manabi.product", "org.manabi.app", "org.manabi.ui", "org.manabi.server", "org.manabi.store",
                "org.manabi.core.feature.feature.group")), manabi.toString());
        for (String id : manabi) {
            assertEquals(List.of(feature), units.get(id), id);
        }
    }

    /** An installation of any desktop finds on the site every bundle its product runs, at the same version. */
    @Test
    void siteHoldsEveryBundleOfEachDesktopsProduct() throws Exception {
        List<Path> configurations;
        try (Stream<Path> files = Files.walk(PRODUCTS)) {
            configurations = files.filter(path -> path.endsWith("org.eclipse.equinox.simpleconfigurator/bundles.info")).toList();
        }
        assertEquals(4, configurations.size(), "one product per desktop: " + configurations);
        List<String> missing = new ArrayList<>();
        for (Path bundlesInfo : configurations) {
            for (String line : Files.readAllLines(bundlesInfo, StandardCharsets.UTF_8)) {
                if (!line.startsWith("#")) {
                    String[] field = line.split(",");
                    Path jar = SITE.resolve("plugins").resolve(field[0] + "_" + field[1] + ".jar");
                    if (!Files.isRegularFile(jar)) {
                        missing.add(jar.getFileName().toString());
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void releaseNotesTravelWithTheSite() throws Exception {
        String notes = Files.readString(SITE.resolve("RELEASE-NOTES.md"));
        assertTrue(notes.startsWith("# Manabi release notes"), notes);
        assertTrue(notes.contains("## 0.1.0"), "the notes of the version the site carries");
        Path zipped;
        try (Stream<Path> files = Files.list(SITE.getParent())) {
            zipped = files.filter(path -> path.getFileName().toString().matches("org\\.manabi\\.repository-.*\\.zip"))
                    .findFirst().orElseThrow();
        }
        try (ZipFile zip = new ZipFile(zipped.toFile())) {
            assertTrue(zip.getEntry("RELEASE-NOTES.md") != null && zip.getEntry("content.jar") != null,
                    "the zipped site is the same site, notes included");
        }
    }

    private static boolean hasProperty(Element unit, String name, String value) {
        NodeList properties = unit.getElementsByTagName("property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            if (property.getAttribute("name").equals(name) && property.getAttribute("value").equals(value)) {
                return true;
            }
        }
        return false;
    }
}
