package org.manabi.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.manabi.app.internal.ManabiCommandLine;

/**
 * {@code manabi serve} settings: one file, overridden by MANABI_* variables, overridden by flags;
 * bad values named by file, line and key; secrets never printed. The port-range check answers before
 * anything is opened, so it shows which value won without a server listening.
 */
class ServeConfigurationTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Map<String, String> environment = new HashMap<>();

    private int serve(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        return ManabiCommandLine.execute(all, environment, new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path file(String... lines) throws Exception {
        Path file = temp.resolve("manabi.properties");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void theFileIsOverriddenByTheEnvironmentWhichIsOverriddenByAFlag() throws Exception {
        Path file = file("# a comment", "host = 127.0.0.1", "port = 70000");

        assertEquals(1, serve("--config", file.toString()));
        assertTrue(err.toString().contains(file + ":3: port 70000 is not a port number"), err.toString());

        environment.put("MANABI_PORT", "70001");
        assertEquals(1, serve("--config", file.toString()));
        assertTrue(err.toString().contains("the environment variable MANABI_PORT 70001 is not a port number"),
                err.toString());

        assertEquals(2, serve("--config", file.toString(), "--port", "70002"));
        assertTrue(err.toString().contains("--port 70002 is not a port number"), err.toString());
        assertEquals("", out.toString(), "nothing claims to listen");
    }

    @Test
    void theFileInTheDataFolderIsReadWithoutConfig() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("manabi.properties"), "db = jdbc:mysql://localhost/x\n");

        assertEquals(1, serve("--data", data.toString(), "--content", temp.toString(), "--port", "0"));
        assertTrue(err.toString().contains("jdbc:mysql://localhost/x is not supported"), err.toString());

        environment.put("MANABI_DATA", data.toString());
        assertEquals(1, serve("--content", temp.toString(), "--port", "0"));
        assertTrue(err.toString().contains("jdbc:mysql://localhost/x is not supported"), err.toString());
    }

    @Test
    void aValueOfTheWrongTypeNamesFileLineAndKey() throws Exception {
        Path file = file("host = 127.0.0.1", "", "logins-per-minute = ten");

        assertEquals(1, serve("--config", file.toString()));

        assertTrue(err.toString().contains(file + ":3: logins-per-minute: "), err.toString());
        assertTrue(err.toString().contains("'ten' is not an int"), err.toString());
        assertFalse(err.toString().contains("Usage:"), "bad input in a file is not a usage error:\n" + err);
    }

    @Test
    void aProxyThatIsNoAddressIsNamedWhereverItWasWritten() throws Exception {
        Path file = file("trusted-proxy = 127.0.0.1, 10.0.0.0/99");

        assertEquals(1, serve("--config", file.toString(), "--content", temp.toString()));
        assertTrue(err.toString().contains(file + ":1: trusted-proxy: 10.0.0.0/99 is not an address or range"),
                err.toString());

        assertEquals(2, serve("--metrics-from", "localhost.invalid.", "--content", temp.toString()));
        assertTrue(err.toString().contains("--metrics-from localhost.invalid. is not an address or range"), err.toString());
    }

    @Test
    void anUnknownKeyIsATypoNamedWithItsLine() throws Exception {
        Path file = file("port = 8080", "pubic-url = https://seminars.example.jp/");

        assertEquals(1, serve("--config", file.toString()));

        assertTrue(err.toString().contains(file + ":2: pubic-url is not a setting of manabi serve"), err.toString());
        assertTrue(err.toString().contains("public-url"), "the message lists the real keys:\n" + err);
    }

    @Test
    void aConfigFileThatIsNotThereIsAnError() {
        Path missing = temp.resolve("nowhere.properties");

        assertEquals(1, serve("--config", missing.toString()));
        assertTrue(err.toString().contains("the configuration file " + missing + " does not exist"), err.toString());

        environment.put("MANABI_CONFIG", missing.toString());
        assertEquals(1, serve());
        assertTrue(err.toString().contains(missing.toString()), err.toString());
    }

    @Test
    void theDatabasePasswordIsNeverPrinted() throws Exception {
        String secret = "s3cret-Passw0rd-that-must-not-show";
        // port 9 (discard) on loopback: nothing listens, the connection is refused
        Path file = file("db = jdbc:postgresql://127.0.0.1:9/manabi?user=manabi&password=" + secret,
                "db-password = " + secret + "-too");

        assertEquals(1, serve("--config", file.toString(), "--content", temp.toString(), "--port", "0"));

        assertTrue(err.toString().contains("127.0.0.1"), err.toString());
        assertFalse(err.toString().contains(secret), err.toString());
        assertFalse(out.toString().contains(secret), out.toString());

        environment.put("MANABI_DB", "jdbc:mysql://127.0.0.1/manabi?password=" + secret);
        assertEquals(1, serve("--config", file.toString(), "--content", temp.toString(), "--port", "0"));
        assertTrue(err.toString().contains("password=***"), err.toString());
        assertFalse(err.toString().contains(secret), err.toString());
    }

    @Test
    void passwordsAreNoFlags() {
        assertEquals(2, serve("--db-password", "x"));
        assertEquals(2, serve("--smtp-password", "x"));
    }

    /** The sample in the repository documents every setting, and only settings. */
    @Test
    void theSampleDocumentsEverySetting() throws Exception {
        Path sample = Path.of(System.getProperty("manabi.repository"), "releng", "deploy", "manabi.properties");
        Set<String> documented = new TreeSet<>();
        Matcher setting = Pattern.compile("(?m)^#?([a-z][a-z-]*) = ").matcher(Files.readString(sample));
        while (setting.find()) {
            documented.add(setting.group(1));
        }

        assertEquals(0, serve("--help"));
        Set<String> options = new TreeSet<>();
        Matcher option = Pattern.compile("--([a-z][a-z-]*)=").matcher(out.toString());
        while (option.find()) {
            options.add(option.group(1));
        }
        options.removeAll(Set.of("config", "init-admin"));
        options.addAll(Set.of("db-password", "smtp-password"));

        assertEquals(options, documented);
        // and the uncommented sample itself is a valid configuration
        Properties uncommented = new Properties();
        uncommented.load(new java.io.StringReader(Files.readString(sample).replaceAll("(?m)^#([a-z])", "$1")));
        Path file = temp.resolve("uncommented.properties");
        try (var writer = Files.newBufferedWriter(file)) {
            uncommented.store(writer, null);
        }
        assertEquals(1, serve("--config", file.toString(), "--content", temp.resolve("none").toString()));
        assertTrue(err.toString().contains(temp.resolve("none").toString()),
                "the sample's values pass; the made-up content folder is what stops it:\n" + err);
    }
}
