package org.manabi.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * An installation updates itself to the next build through the p2 update site, headless, with {@code manabi update}.
 *
 * <p>A: this build's Linux archive, unpacked. B: the next build's update site. A second Tycho build would take
 * minutes, so B is made from this build's site (releng/org.manabi.repository) the way the next build differs from
 * it: every unit and artifact Manabi builds carries a later qualifier (the build time plus one minute) — the
 * metadata (content.xml), the artifact index with recomputed sizes and checksums (artifacts.xml), and the bundles'
 * manifests and features' feature.xml inside the jars. Third-party bundles are unchanged, as between two real
 * builds, and B's index lists them without their files: an update needs only what changed. A runs
 * {@code manabi update --repository file:B}; then its simpleconfigurator's bundles.info and {@code manabi --version}
 * must name B's version.
 */
class SelfUpdateTest {

    private static final Path SITE = Path.of(System.getProperty("manabi.repository"))
            .resolve("releng/org.manabi.repository/target/repository").toAbsolutePath().normalize();
    private static final Pattern PRODUCT_VERSION = Pattern.compile("<unit id='org.manabi.product' version='0\\.1\\.0\\.(\\d{12})'");
    private static final DateTimeFormatter QUALIFIER = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

    record Run(int exitCode, String out, String err) {
    }

    @Test
    void anInstallationUpdatesToTheNextBuildFromItsSite(@TempDir Path temp) throws Exception {
        Path installation = LinuxArchive.unpack(temp.resolve("a"));
        String content = read(SITE.resolve("content.jar"), "content.xml");
        Matcher product = PRODUCT_VERSION.matcher(content);
        assertTrue(product.find(), "the site holds the product unit");
        String built = "0.1.0." + product.group(1);
        String next = "0.1.0." + LocalDateTime.parse(product.group(1), QUALIFIER).plusMinutes(1).format(QUALIFIER);
        Path site = nextBuildsSite(content, built, next, temp.resolve("b"));

        Path bundlesInfo = installation.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info");
        assertTrue(Files.readString(bundlesInfo).contains("org.manabi.app," + built + ","), "A runs this build");

        Run missing = manabi(installation, "update", "--repository", temp.resolve("nowhere").toUri().toString());
        assertEquals(1, missing.exitCode(), missing.out() + missing.err());
        assertTrue(missing.err().contains("cannot read the update site " + temp.resolve("nowhere").toUri()),
                missing.err());

        Run update = manabi(installation, "update", "--repository", site.toUri().toString());
        assertEquals(0, update.exitCode(), update.out() + update.err());
        assertEquals("Manabi " + built + " was updated to " + next + "; restart Manabi to use it.", update.out().strip(),
                update.err());

        List<String> bundles = Files.readAllLines(bundlesInfo);
        assertTrue(bundles.stream().anyMatch(line -> line.startsWith("org.manabi.app," + next + ",plugins/org.manabi.app_"
                + next + ".jar,")), "the configuration starts the new bundle:\n" + String.join("\n", bundles));
        assertTrue(Files.isRegularFile(installation.resolve("plugins/org.manabi.app_" + next + ".jar")));
        String configuration = Files.readString(installation.resolve("configuration/config.ini"));
        assertTrue(configuration.contains("manabi.update.site="), "the update keeps the site:\n" + configuration);
        assertTrue(!configuration.contains(installation.toString()), "the installation can still move:\n" + configuration);

        Run after = manabi(installation, "--version");
        assertEquals("Manabi " + next, after.out().strip(), "the restarted installation runs the new version: " + after.err());

        Run again = manabi(installation, "update", "--repository", site.toString());
        assertEquals(0, again.exitCode(), again.out() + again.err());
        assertEquals("Manabi " + next + " is already up to date (update site: " + site.toUri() + ").",
                again.out().strip(), again.err());
    }

    /** This build's site as the next build would publish it: Manabi's units and artifacts at {@code next}. */
    private static Path nextBuildsSite(String content, String built, String next, Path site) throws Exception {
        Files.createDirectories(site);
        Files.writeString(site.resolve("content.xml"), content.replace(built, next), StandardCharsets.UTF_8);

        Document artifacts;
        try (ZipFile jar = new ZipFile(SITE.resolve("artifacts.jar").toFile());
                InputStream xml = jar.getInputStream(jar.getEntry("artifacts.xml"))) {
            artifacts = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml);
        }
        NodeList nodes = artifacts.getElementsByTagName("artifact");
        int rewritten = 0;
        for (int i = 0; i < nodes.getLength(); i++) {
            Element artifact = (Element) nodes.item(i);
            if (!artifact.getAttribute("version").equals(built)) {
                continue;
            }
            String folder = switch (artifact.getAttribute("classifier")) {
                case "osgi.bundle" -> "plugins";
                case "org.eclipse.update.feature" -> "features";
                case "binary" -> "binary";
                default -> throw new AssertionError("an artifact of an unknown kind: " + artifact.getAttribute("classifier"));
            };
            String suffix = folder.equals("binary") ? "" : ".jar";
            String id = artifact.getAttribute("id");
            Path from = SITE.resolve(folder).resolve(id + "_" + built + suffix);
            Path to = site.resolve(folder).resolve(id + "_" + next + suffix);
            Files.createDirectories(to.getParent());
            rewriteJar(from, to, folder.equals("binary") ? "" : built, next);
            artifact.setAttribute("version", next);
            describeFile(artifact, to);
            rewritten++;
        }
        assertTrue(rewritten >= 14, "Manabi's bundles, features and root files: " + rewritten);
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        try (OutputStream out = Files.newOutputStream(site.resolve("artifacts.xml"))) {
            transformer.transform(new DOMSource(artifacts), new StreamResult(out));
        }
        return site;
    }

    /** Copies a jar (or zip), with {@code built} replaced by {@code next} in its manifest and feature.xml. */
    private static void rewriteJar(Path from, Path to, String built, String next) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                byte[] bytes = in.readAllBytes();
                if (!built.isEmpty() && (entry.getName().equals("META-INF/MANIFEST.MF") || entry.getName().equals("feature.xml"))) {
                    bytes = new String(bytes, StandardCharsets.UTF_8).replace(built, next).getBytes(StandardCharsets.UTF_8);
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
    }

    /** Sets the size and checksum properties p2 verifies a download against to those of {@code file}. */
    private static void describeFile(Element artifact, Path file) throws IOException, NoSuchAlgorithmException {
        byte[] bytes = Files.readAllBytes(file);
        NodeList properties = artifact.getElementsByTagName("property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            String value = switch (property.getAttribute("name")) {
                case "artifact.size", "download.size" -> Long.toString(bytes.length);
                case "download.checksum.sha-256" -> digest("SHA-256", bytes);
                case "download.checksum.sha-512" -> digest("SHA-512", bytes);
                case "download.md5" -> digest("MD5", bytes);
                default -> null;
            };
            if (value != null) {
                property.setAttribute("value", value);
            }
        }
    }

    private static String digest(String algorithm, byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    private static String read(Path jar, String entry) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile()); InputStream in = zip.getInputStream(zip.getEntry(entry))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Runs the installation's own start script, as a user does. */
    private static Run manabi(Path installation, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(installation.resolve("manabi").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("manabi-update-out", ".txt");
        Path err = Files.createTempFile("manabi-update-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(installation.toFile());
            // the class-data-sharing archives of a throwaway installation stay in the test's folder
            builder.environment().put("XDG_CACHE_HOME", installation.resolveSibling("cache").toString());
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("manabi " + String.join(" ", args) + " did not end within 2 minutes");
            }
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }
}
