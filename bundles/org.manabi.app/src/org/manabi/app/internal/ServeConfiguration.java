package org.manabi.app.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The settings of {@code manabi serve} from one file, {@code manabi.properties}, and the environment;
 * {@code backup} and {@code restore} read the same, for the database they work on.
 * <p>
 * Precedence, strongest first: a flag on the command line, a {@code MANABI_*} environment variable,
 * the file, the built-in default. The file is {@code --config FILE} (or {@code MANABI_CONFIG}); without
 * either, {@code <data>/manabi.properties} when it exists. Its keys are the long option names without
 * the dashes ({@code public-url = https://…}); the variable of a key is {@code MANABI_} and the key in
 * capitals with underscores ({@code MANABI_PUBLIC_URL}).
 * <p>
 * Two secrets, {@code db-password} and {@code smtp-password}, come from the file or the environment
 * only: a flag would show them to every user of the machine in the process list. They are never part
 * of a message.
 * <p>
 * Picocli asks this class for the value of every option not given as a flag; when one of those
 * values is bad, {@link #origin(ArgSpec)} says which file, line and key (or which variable) it came
 * from.
 */
final class ServeConfiguration implements IDefaultValueProvider {

    static final String FILE_NAME = "manabi.properties";
    static final String DB_PASSWORD = "db-password";
    static final String SMTP_PASSWORD = "smtp-password";
    private static final Set<String> SECRETS = Set.of(DB_PASSWORD, SMTP_PASSWORD);
    /** Options that are not settings: they name the file itself or act once. */
    private static final Set<String> NOT_SETTINGS = Set.of("config", "init-admin", "help", "version");

    private final Path file;
    private final Properties values;
    private final Map<String, String> environment;
    private final String[] args;
    private final Set<String> known;

    private ServeConfiguration(Path file, Properties values, Map<String, String> environment, String[] args,
            Set<String> known) {
        this.known = known;
        this.file = file;
        this.values = values;
        this.environment = environment;
        this.args = args.clone();
    }

    /**
     * Finds and reads the file {@code args} and {@code environment} point at, or none.
     *
     * @throws ConfigurationException if the file is named but missing, unreadable or has a key that is no setting
     *                                of {@code command}
     */
    static ServeConfiguration load(String[] args, Map<String, String> environment, CommandSpec command)
            throws ConfigurationException {
        String named = flag(args, "--config");
        if (named == null) {
            named = blankToNull(environment.get(variable("config")));
        }
        Path file;
        boolean mustExist = named != null;
        if (named != null) {
            file = Path.of(named);
        } else {
            String data = flag(args, "--data");
            if (data == null) {
                data = blankToNull(environment.get(variable("data")));
            }
            file = DataFolder.orDefault(data == null ? null : Path.of(data)).resolve(FILE_NAME);
        }
        Set<String> known = settings(command);
        if (!mustExist && !Files.isRegularFile(file)) {
            return new ServeConfiguration(null, new Properties(), environment, args, known);
        }
        Properties values = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(reader);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("the configuration file " + file + " does not exist");
        } catch (MalformedInputException e) {
            throw new ConfigurationException("the configuration file " + file + " is not UTF-8 text");
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException("the configuration file " + file + " cannot be read: " + e.getMessage());
        }
        for (String key : values.stringPropertyNames()) {
            if (!known.contains(key)) {
                throw new ConfigurationException(file + ":" + lineOf(file, key) + ": " + key
                        + " is not a setting of manabi serve; the settings are " + String.join(", ", known));
            }
        }
        return new ServeConfiguration(file, values, environment, args, known);
    }

    /** Every key the file may hold: the options of {@code command} that are settings, and the secrets. */
    static Set<String> settings(CommandSpec command) {
        Set<String> keys = new TreeSet<>(SECRETS);
        for (OptionSpec option : command.options()) {
            String key = key(option);
            if (key != null && !NOT_SETTINGS.contains(key)) {
                keys.add(key);
            }
        }
        return keys;
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        String key = argument instanceof OptionSpec option ? key(option) : null;
        // an option that is no server setting (backup's --out) never comes from the file or environment
        if (key == null || NOT_SETTINGS.contains(key) || !known.contains(key)) {
            return null;
        }
        return value(key);
    }

    /** The value of {@code key} from the environment, else the file, else {@code null}. */
    String value(String key) {
        String fromEnvironment = blankToNull(environment.get(variable(key)));
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        return blankToNull(values.getProperty(key));
    }

    /** A secret setting; {@code null} when not set. */
    String secret(String key) {
        if (!SECRETS.contains(key)) {
            throw new IllegalArgumentException(key + " is not a secret");
        }
        return value(key);
    }

    /**
     * Where the value of {@code argument} came from, for an error message:
     * {@code "the environment variable MANABI_PORT"} or {@code "/etc/manabi/manabi.properties:7: port"};
     * {@code null} when it was a flag or a built-in default.
     */
    String origin(ArgSpec argument) {
        String key = argument instanceof OptionSpec option ? key(option) : null;
        return key == null || NOT_SETTINGS.contains(key) || !known.contains(key) ? null : origin(key);
    }

    /** As {@link #origin(ArgSpec)}, for a setting by its key. */
    String origin(String key) {
        if (flag(args, "--" + key) != null) {
            return null;
        }
        if (blankToNull(environment.get(variable(key))) != null) {
            return "the environment variable " + variable(key);
        }
        if (file != null && values.getProperty(key) != null) {
            return file + ":" + lineOf(file, key) + ": " + key;
        }
        return null;
    }

    /** {@code public-url} → {@code MANABI_PUBLIC_URL}. */
    static String variable(String key) {
        return "MANABI_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static String key(OptionSpec option) {
        String longest = option.longestName();
        return longest.startsWith("--") ? longest.substring(2) : null;
    }

    /** The value of {@code --name X} or {@code --name=X} in the raw arguments (the last one wins, as in picocli). */
    private static String flag(String[] args, String name) {
        String value = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(name) && i + 1 < args.length) {
                value = args[i + 1];
            } else if (args[i].startsWith(name + "=")) {
                value = args[i].substring(name.length() + 1);
            }
        }
        return value;
    }

    /** The 1-based line where {@code key} is set (the last time, as Properties keeps the last); 0 if not found. */
    private static int lineOf(Path file, String key) {
        int found = 0;
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).stripLeading();
                if (line.startsWith(key) && (line.length() == key.length()
                        || "=: \t".indexOf(line.charAt(key.length())) >= 0)) {
                    found = i + 1;
                }
            }
        } catch (IOException e) {
            // the file was read a moment ago; without a line the message still names the file and key
        }
        return found;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A configuration file that cannot be used; the message names the file (and line and key). */
    static final class ConfigurationException extends Exception {
        private static final long serialVersionUID = 1L;

        ConfigurationException(String message) {
            super(message);
        }
    }
}
