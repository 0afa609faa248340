package org.manabi.app.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.manabi.content.ContentException;
import org.manabi.content.ContentRepository;
import org.manabi.server.AdminServer;
import org.manabi.server.Catalogue;
import org.manabi.server.Mailer;
import org.manabi.server.OutboxMailer;
import org.manabi.server.ServerSettings;
import org.manabi.server.ServerSettings.InvoiceIssuer;
import org.manabi.server.SmtpMailer;
import org.manabi.server.Site;
import org.manabi.server.WebServer;
import org.manabi.server.WebServerException;
import org.manabi.store.AuditLog;
import org.manabi.store.Database;
import org.manabi.store.StaffAccounts;
import org.manabi.store.StaffMember;
import org.manabi.store.StaffRole;
import org.manabi.store.StoreException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code manabi serve}: the participants' pages and the JSON API of the published seminars, and the
 * staff pages and API, until the process is stopped. The first line on stdout says where it listens,
 * once it answers (scripts and tests wait for it; with {@code --port 0} it is the only way to learn
 * the port).
 * <p>
 * {@code --init-admin EMAIL} reads a password (one line) from stdin, creates that committee admin or
 * resets its password, then serves as usual: the way to the first account, and back in after a lost
 * password.
 */
@Command(mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {

    /** Who the audit log names for what the command line does. */
    private static final String COMMAND_LINE = "command line";

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", descriptionKey = "option.config")
    private Path config;

    @Option(names = "--content", paramLabel = "DIR", descriptionKey = "option.content")
    private Path content;

    @Option(names = "--data", paramLabel = "DIR", descriptionKey = "option.data.serve")
    private Path data;

    @Option(names = "--db", paramLabel = "URL", descriptionKey = "option.db")
    private String db;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", descriptionKey = "option.host")
    private String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", descriptionKey = "option.port")
    private int port;

    @Option(names = "--public-url", paramLabel = "URL", descriptionKey = "option.publicUrl")
    private URI publicUrl;

    @Option(names = "--registrations-per-minute", paramLabel = "N", defaultValue = "20",
            descriptionKey = "option.registrationsPerMinute")
    private int registrationsPerMinute;

    @Option(names = "--smtp", paramLabel = "URL", descriptionKey = "option.smtp")
    private URI smtp;

    @Option(names = "--mail-from", paramLabel = "ADDRESS", defaultValue = "seminars@localhost",
            descriptionKey = "option.mailFrom")
    private String mailFrom;

    @Option(names = "--logins-per-minute", paramLabel = "N", defaultValue = "10", descriptionKey = "option.loginsPerMinute")
    private int loginsPerMinute;

    @Option(names = "--trusted-proxy", paramLabel = "ADDRESS", split = ",", descriptionKey = "option.trustedProxy")
    private List<String> trustedProxies = List.of();

    @Option(names = "--metrics-from", paramLabel = "ADDRESS", split = ",", defaultValue = "127.0.0.1,::1",
            descriptionKey = "option.metricsFrom")
    private List<String> metricsFrom;

    @Option(names = "--init-admin", paramLabel = "EMAIL", descriptionKey = "option.initAdmin")
    private String initAdmin;

    @Option(names = "--invoice-issuer", paramLabel = "NAME", descriptionKey = "option.invoiceIssuer")
    private String invoiceIssuer;

    @Option(names = "--invoice-number", paramLabel = "T0000000000000", descriptionKey = "option.invoiceNumber")
    private String invoiceNumber;

    private final InputStream in;
    private ServeConfiguration configuration;

    ServeCommand(InputStream in) {
        this.in = in;
    }

    /** The file and environment the settings not given as flags come from (read before parsing). */
    void configure(ServeConfiguration settings) {
        this.configuration = settings;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            String origin = configuration == null ? null : configuration.origin("port");
            err.println(spec.qualifiedName() + ": " + (origin == null ? "--port" : origin) + " " + port
                    + " is not a port number (0 to 65535; 0 picks a free one)");
            return origin == null ? 2 : 1;
        }
        InvoiceIssuer issuer = null;
        if (invoiceIssuer != null || invoiceNumber != null) {
            try {
                issuer = new InvoiceIssuer(invoiceIssuer, invoiceNumber);
            } catch (IllegalArgumentException e) {
                err.println(spec.qualifiedName() + ": --invoice-issuer and --invoice-number go together: " + e.getMessage());
                return 2;
            }
        }
        String adminPassword = null;
        if (initAdmin != null) {
            if (!initAdmin.strip().matches("[^@\\s]+@[^@\\s]+")) {
                err.println(spec.qualifiedName() + ": " + text("serve.initAdmin.badEmail", initAdmin));
                return 2;
            }
            err.print(text("serve.initAdmin.prompt", initAdmin.strip(), StaffAccounts.MIN_PASSWORD_LENGTH));
            err.flush();
            adminPassword = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (adminPassword == null || !StaffAccounts.acceptable(adminPassword)) {
                err.println();
                err.println(spec.qualifiedName() + ": " + text("serve.initAdmin.short", StaffAccounts.MIN_PASSWORD_LENGTH));
                return 1;
            }
        }
        ServerSettings settings;
        try {
            settings = new ServerSettings(publicUrl, registrationsPerMinute, loginsPerMinute, trustedProxies, metricsFrom);
        } catch (ServerSettings.BadAddressException e) {
            String origin = configuration == null ? null : configuration.origin(e.setting());
            err.println(spec.qualifiedName() + ": " + (origin == null ? "--" + e.setting() + " " : origin + ": ")
                    + e.getMessage());
            return origin == null ? 2 : 1;
        }
        ContentRepository repository;
        try {
            repository = ContentRepository.open(content == null ? Path.of("content") : content);
        } catch (ContentException e) {
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            return 1;
        }
        Path dataFolder = DataFolder.orDefault(data);
        Database database;
        try {
            database = db == null ? Database.openH2(dataFolder) : Database.openUrl(db, secret(ServeConfiguration.DB_PASSWORD));
        } catch (StoreException e) {
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            return 1;
        }
        if (adminPassword != null) {
            try {
                // a reset of a forgotten password as well: the account's old sessions end
                StaffMember admin = new StaffAccounts(database, Clock.systemUTC()).save(initAdmin.strip(), StaffRole.ADMIN,
                        adminPassword, Set.of());
                new AuditLog(database, Clock.systemUTC()).record(COMMAND_LINE, "save staff account",
                        "admin " + admin.email(), null);
                err.println(text("serve.initAdmin.done", admin.email()));
            } catch (StoreException e) {
                database.close();
                err.println(spec.qualifiedName() + ": " + e.getMessage());
                return 1;
            }
        }
        Mailer mailer;
        try {
            mailer = smtp == null ? new OutboxMailer(dataFolder.resolve("outbox"), mailFrom) : new SmtpMailer(smtp, mailFrom,
                    secret(ServeConfiguration.SMTP_PASSWORD));
        } catch (IllegalArgumentException e) {
            database.close();
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            return 2;
        }
        Site site = Site.of(Catalogue.of(repository), database,
                mailer, settings.withVod(issuer, dataFolder.resolve("videos"))
                        .withThumbnails(dataFolder.resolve("thumbnails")));
        WebServer server;
        try {
            server = WebServer.start(host, port, site);
        } catch (WebServerException e) {
            database.close();
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            return 1;
        }
        AdminServer admin = null;
        RunningServe note = null;
        if (db == null) {
            // the H2 file is this process's alone: ./manabi backup asks it, through the door the note names
            try {
                String token = RunningServe.newToken();
                admin = AdminServer.start(database, token);
                note = RunningServe.announce(dataFolder, admin.uri(), token);
            } catch (WebServerException | IOException e) {
                if (admin != null) {
                    admin.close();
                }
                server.close();
                database.close();
                err.println(spec.qualifiedName() + ": cannot open the door for backups in " + dataFolder + ": "
                        + e.getMessage());
                return 1;
            }
        }
        AdminServer door = admin;
        RunningServe announced = note;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // requests first, then the database they use
            if (announced != null) {
                announced.withdraw();
                door.close();
            }
            server.close();
            database.close();
        }, "manabi-serve-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println(text("serve.listening", server.uri().toString(), database.description()));
        out.flush();
        server.join();
        return 0;
    }

    private String secret(String key) {
        return configuration == null ? null : configuration.secret(key);
    }

    private String text(String key, Object... arguments) {
        return MessageFormat.format(spec.resourceBundle().getString(key), arguments);
    }
}
