package org.manabi.app.internal;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The sub-commands of the {@code manabi} launcher, as DESIGN.md lists them, each a class of its own.
 */
@Command(name = "manabi", mixinStandardHelpOptions = true, versionProvider = ManabiVersion.class,
        sortOptions = false, usageHelpAutoWidth = true)
public final class ManabiCommandLine implements Runnable {

    /** Every sub-command of the contract, in the order --help lists them. */
    static final List<String> SUBCOMMANDS = List.of("serve", "index", "search", "import", "export", "validate",
            "report", "backup", "restore", "retention", "update");
    /** The sub-commands that read the server's settings file and MANABI_* variables. */
    private static final List<String> CONFIGURED = List.of("serve", "backup", "restore", "retention");

    private static final Logger LOG = LoggerFactory.getLogger(ManabiCommandLine.class);

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        // "manabi" alone reaches the workbench application, not this one; here it means the user wants help
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Parses and runs one command line; never throws, always answers with an exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, System.in, out, err);
    }

    /** As {@link #execute(String[], PrintWriter, PrintWriter)}, reading what a command reads (a password) from {@code in}. */
    public static int execute(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        return execute(args, System.getenv(), in, out, err);
    }

    /**
     * As {@link #execute(String[], InputStream, PrintWriter, PrintWriter)} with {@code environment} in place of the
     * process's: where {@code serve} finds its {@code MANABI_*} settings.
     */
    public static int execute(String[] args, Map<String, String> environment, InputStream in, PrintWriter out,
            PrintWriter err) {
        ResourceBundle texts = ResourceBundle.getBundle("org.manabi.app.internal.cli", Locale.getDefault(),
                ManabiCommandLine.class.getClassLoader());
        CommandLine commandLine = new CommandLine(new ManabiCommandLine());
        for (String name : SUBCOMMANDS) {
            Object command = switch (name) {
                case "validate" -> new ValidateCommand();
                case "report" -> new ReportCommand();
                case "index" -> new IndexCommand();
                case "search" -> new SearchCommand();
                case "serve" -> new ServeCommand(in);
                case "import" -> new ImportCommand();
                case "export" -> new ExportCommand();
                case "backup" -> new BackupCommand();
                case "restore" -> new RestoreCommand();
                case "retention" -> new RetentionCommand();
                case "update" -> new UpdateCommand();
                default -> throw new IllegalStateException("no class for the sub-command " + name);
            };
            commandLine.addSubcommand(name, command);
        }
        commandLine.setResourceBundle(texts);
        commandLine.getCommandSpec().usageMessage().description(texts.getString("manabi.description"));
        for (String name : SUBCOMMANDS) {
            CommandSpec sub = commandLine.getSubcommands().get(name).getCommandSpec();
            sub.usageMessage().description(texts.getString(name + ".description"));
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        if (args.length > 0 && CONFIGURED.contains(args[0])) {
            CommandLine configured = commandLine.getSubcommands().get(args[0]);
            ServeConfiguration configuration;
            try {
                configuration = ServeConfiguration.load(args, environment,
                        commandLine.getSubcommands().get("serve").getCommandSpec());
            } catch (ServeConfiguration.ConfigurationException e) {
                err.println("manabi " + args[0] + ": " + e.getMessage());
                return 1;
            }
            configured.setDefaultValueProvider(configuration);
            if (configured.getCommand() instanceof ServeCommand serve) {
                serve.configure(configuration);
            } else {
                ((DatabaseCommand) configured.getCommand()).configure(configuration);
            }
            CommandLine.IParameterExceptionHandler usageError = commandLine.getParameterExceptionHandler();
            commandLine.setParameterExceptionHandler((exception, arguments) -> {
                String origin = exception.getArgSpec() == null ? null : configuration.origin(exception.getArgSpec());
                if (origin == null) {
                    return usageError.handleParseException(exception, arguments);
                }
                // a bad value in the file or the environment: bad input, named where it was written
                exception.getCommandLine().getErr().println("manabi " + args[0] + ": " + origin + ": "
                        + exception.getMessage());
                return 1;
            });
        }
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            // a bug, not bad input: a line the user can report, the stack trace in the log only
            LOG.debug("{} failed", failed.getCommandName(), exception);
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + exception);
            return 1;
        });
        return commandLine.execute(args);
    }
}
