package org.manabi.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The archives a committee member downloads, one per desktop, read as they are shipped: each holds
 * its own SWT fragment and no other, its own start script, and a configuration that starts the product.
 */
class ProductArchivesTest {

    private static final Path PRODUCTS = Path.of(System.getProperty("manabi.repository"))
            .resolve("releng/org.manabi.product/target/products").toAbsolutePath().normalize();

    /** Equinox secure storage and its platform modules, e.g. org.eclipse.equinox.security.linux_1.1.400.v2025.jar. */
    private static final Pattern SECURE_STORAGE = Pattern.compile("plugins/(org\\.eclipse\\.equinox\\.security(?:\\.[a-z0-9_.]+)?)_\\d+\\.\\d+\\.\\d+.*\\.jar");

    /** Any platform's SWT fragment, e.g. org.eclipse.swt.gtk.linux.x86_64_3.135.0.v2026.jar. */
    private static final Pattern SWT_FRAGMENT = Pattern.compile("plugins/(org\\.eclipse\\.swt\\.(?:gtk|win32|cocoa)\\.[a-z0-9_.]+)_\\d+\\.\\d+\\.\\d+.*\\.jar");

    enum Desktop {
        LINUX("linux.gtk.x86_64", "tar.gz", "manabi/", "manabi", "org.eclipse.swt.gtk.linux.x86_64",
                "org.eclipse.equinox.security.linux"),
        WINDOWS("win32.win32.x86_64", "zip", "manabi/", "manabi.cmd", "org.eclipse.swt.win32.win32.x86_64",
                "org.eclipse.equinox.security.win32.x86_64"),
        MAC_APPLE_SILICON("macosx.cocoa.aarch64", "tar.gz", "manabi.app/Contents/Eclipse/", "manabi",
                "org.eclipse.swt.cocoa.macosx.aarch64", "org.eclipse.equinox.security.macosx"),
        MAC_INTEL("macosx.cocoa.x86_64", "tar.gz", "manabi.app/Contents/Eclipse/", "manabi",
                "org.eclipse.swt.cocoa.macosx.x86_64", "org.eclipse.equinox.security.macosx");

        final String platform;
        final String extension;
        final String root;
        final String script;
        final String swtFragment;
        /** The secure storage module that keeps the master password in the desktop's keyring. */
        final String keyring;

        Desktop(String platform, String extension, String root, String script, String swtFragment, String keyring) {
            this.platform = platform;
            this.extension = extension;
            this.root = root;
            this.script = script;
            this.swtFragment = swtFragment;
            this.keyring = keyring;
        }

        Path archive() {
            return PRODUCTS.resolve("manabi-" + platform + "." + extension);
        }
    }

    /** One file of an archive, its path below the archive's root folder; the text of small files only. */
    record Entry(String path, int mode, String text) {
    }

    /** Each archive is read once for all tests: they are large. */
    private static final Map<Desktop, Map<String, Entry>> READ = new EnumMap<>(Desktop.class);

    private static synchronized Map<String, Entry> read(Desktop desktop) throws IOException {
        Map<String, Entry> known = READ.get(desktop);
        if (known == null) {
            known = readArchive(desktop);
            READ.put(desktop, known);
        }
        return known;
    }

    private static Map<String, Entry> readArchive(Desktop desktop) throws IOException {
        Path archive = desktop.archive();
        assertTrue(Files.isRegularFile(archive), "the build makes " + archive);
        Map<String, Entry> entries = new TreeMap<>();
        List<String> outside = new ArrayList<>();
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive))) {
            if (desktop.extension.equals("zip")) {
                ZipInputStream zip = new ZipInputStream(file);
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                    if (!entry.isDirectory()) {
                        add(entries, outside, desktop, entry.getName(), 0, zip);
                    }
                }
            } else {
                TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(file));
                for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null;) {
                    if (entry.isFile()) {
                        add(entries, outside, desktop, entry.getName(), entry.getMode(), tar);
                    }
                }
            }
        }
        assertEquals(List.of(), outside, "everything unpacks into " + desktop.root);
        return entries;
    }

    private static void add(Map<String, Entry> entries, List<String> outside, Desktop desktop, String name, int mode,
            InputStream content) throws IOException {
        if (!name.startsWith(desktop.root)) {
            outside.add(name);
            return;
        }
        String path = name.substring(desktop.root.length());
        String text = path.startsWith("plugins/") || path.startsWith("p2/") ? null
                : new String(content.readAllBytes(), StandardCharsets.UTF_8);
        entries.put(path, new Entry(path, mode, text));
    }

    @ParameterizedTest
    @EnumSource(Desktop.class)
    void holdsItsOwnSwtFragmentAndNoOther(Desktop desktop) throws IOException {
        Map<String, Entry> entries = read(desktop);

        List<String> fragments = entries.keySet().stream().map(SWT_FRAGMENT::matcher).filter(m -> m.matches())
                .map(m -> m.group(1)).toList();
        assertEquals(List.of(desktop.swtFragment), fragments);
        assertEquals(desktop == Desktop.LINUX,
                entries.keySet().stream().anyMatch(path -> path.startsWith("plugins/org.eclipse.e4.ui.swt.gtk_")),
                "the GTK part of the e4 workbench only on Linux");
    }

    @ParameterizedTest
    @EnumSource(Desktop.class)
    void keepsTheDatabasePasswordWithTheKeyringOfItsDesktopOnly(Desktop desktop) throws IOException {
        Map<String, Entry> entries = read(desktop);

        List<String> secureStorage = entries.keySet().stream().map(SECURE_STORAGE::matcher).filter(m -> m.matches())
                .map(m -> m.group(1)).sorted().toList();
        assertEquals(List.of("org.eclipse.equinox.security", desktop.keyring), secureStorage);
    }

    @ParameterizedTest
    @EnumSource(Desktop.class)
    void startsWithTheScriptOfItsDesktop(Desktop desktop) throws IOException {
        Map<String, Entry> entries = read(desktop);

        Entry script = entries.get(desktop.script);
        assertNotNull(script, desktop.script + " in " + entries.keySet());
        assertTrue(script.text().contains("-jar \"%LAUNCHER%\"") || script.text().contains("-jar \"$launcher\""),
                "the script runs the Equinox launcher jar");
        assertTrue(entries.keySet().stream().anyMatch(path -> path.matches("plugins/org\\.eclipse\\.equinox\\.launcher_.*\\.jar")));
        assertTrue(entries.containsKey("logging.properties"));
        // the language of Window > Preferences > Manabi is a platform option (-nl), so the script reads it
        assertTrue(script.text().replace('\\', '/').contains(
                "/workbench/.metadata/.plugins/org.eclipse.core.runtime/.settings/org.manabi.ui.prefs"),
                "the script reads the preferences of the workbench state folder");
        if (desktop == Desktop.WINDOWS) {
            assertTrue(script.text().contains("if \"%%K\"==\"language\" set \"LANGUAGE=%%L\""),
                    "manabi.cmd takes the language preference");
            assertTrue(script.text().contains("set \"NL_OPTION=-nl %LANGUAGE%\"")
                    && script.text().lines().anyMatch(line -> line.startsWith("start \"Manabi\"")
                            && line.contains("%NL_OPTION% %*")),
                    "and starts the workbench with it as -nl, before the user's arguments (an -nl there wins)");
            assertFalse(entries.containsKey("manabi"), "no shell script on Windows");
            assertTrue(script.text().lines().count() > 10 && script.text().split("\n", -1).length - 1
                    == script.text().split("\r\n", -1).length - 1, "manabi.cmd has Windows line ends");
        } else {
            assertFalse(entries.containsKey("manabi.cmd"), "no batch file outside Windows");
            assertTrue(script.text().startsWith("#!/bin/sh\n"));
            assertTrue(script.text().contains("sed -n 's/^language=\\([A-Za-z_]*\\)$/\\1/p' \"$preferences\"")
                    && script.text().contains("set -- -nl \"$language\" \"$@\""),
                    "the script starts the workbench with the language preference as -nl");
            assertEquals(0755, script.mode() & 0777, "the script is executable once unpacked");
            assertTrue(entries.containsKey("find-java.sh"), "the script's Java finder ships beside it");
            assertTrue(script.text().contains("[ \"$(uname -s)\" != Darwin ] || first_thread=-XstartOnFirstThread"),
                    "SWT on macOS needs the first thread");
        }
    }

    @ParameterizedTest
    @EnumSource(Desktop.class)
    void configurationStartsTheProductWithItsOwnBundles(Desktop desktop) throws IOException {
        Map<String, Entry> entries = read(desktop);

        Properties config = new Properties();
        config.load(new StringReader(entries.get("configuration/config.ini").text()));
        assertEquals("org.manabi.app.product", config.getProperty("eclipse.product"));
        assertEquals("org.manabi.app.workbench", config.getProperty("eclipse.application"));
        assertEquals("DefaultProfile", config.getProperty("eclipse.p2.profile"), "the p2 profile updates apply to");
        assertTrue(config.getProperty("osgi.bundles").matches(".*org\\.eclipse\\.equinox\\.simpleconfigurator_[^,]*@1:start.*"),
                config.getProperty("osgi.bundles"));

        // bundles.info: symbolic name, version, location, start level, started
        Map<String, String> startOf = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        for (String line : entries.get("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info").text().lines()
                .filter(line -> !line.startsWith("#")).toList()) {
            String[] field = line.split(",");
            startOf.put(field[0], field[3] + "," + field[4]);
            if (!entries.containsKey(field[2])) {
                missing.add(field[2]);
            }
        }
        assertEquals(List.of(), missing, "every bundle the configuration lists is in the archive");
        assertTrue(startOf.containsKey(desktop.swtFragment));
        assertEquals(1, startOf.keySet().stream().filter(name -> name.matches("org\\.eclipse\\.swt\\.(gtk|win32|cocoa)\\..*"))
                .count(), "one SWT fragment configured");
        assertTrue(startOf.containsKey("org.manabi.app") && startOf.containsKey("org.manabi.ui"));
        assertEquals("1,true", startOf.get("org.apache.aries.spifly.dynamic.bundle"), "SPI Fly weaves before SLF4J loads");
        assertEquals("2,true", startOf.get("org.apache.felix.scr"));
        assertEquals("2,true", startOf.get("ch.qos.logback.classic"), "the SLF4J provider, active for SPI Fly");
        assertTrue(startOf.containsKey("org.manabi.logging"), "logback's configuration: one logfmt record a line");
        assertEquals("2,true", startOf.get("org.eclipse.equinox.common"));
        assertEquals("2,true", startOf.get("org.eclipse.equinox.event"));
        assertEquals("4,false", startOf.get("org.manabi.server"), "everything else at the default start level, lazily");
    }

    /** The Linux archive unpacked as a user does, started with an old JAVA_HOME: the script finds Java 21+ itself. */
    @Test
    void theLinuxArchiveRunsOnceUnpacked(@TempDir Path home) throws Exception {
        LinuxArchive.unpack(home);
        ProcessBuilder builder = new ProcessBuilder(home.resolve("manabi/manabi").toString(), "--help")
                .directory(home.toFile()).redirectError(home.resolve("err.txt").toFile());
        // the class-data-sharing archive of this throwaway unpacking stays in the test's folder
        builder.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        Path oldJava = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        if (Files.isDirectory(oldJava)) {
            builder.environment().put("JAVA_HOME", oldJava.toString());
        }
        Process manabi = builder.start();
        String out = new String(manabi.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(manabi.waitFor(2, TimeUnit.MINUTES));

        assertEquals(0, manabi.exitValue(), Files.readString(home.resolve("err.txt")));
        assertTrue(out.lines().anyMatch(line -> line.strip().startsWith("serve ")), out);
    }
}
