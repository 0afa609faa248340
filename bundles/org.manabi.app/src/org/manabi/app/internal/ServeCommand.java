package org.manabi.app.internal;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.concurrent.Callable;

import org.manabi.content.ContentException;
import org.manabi.content.ContentRepository;
import org.manabi.server.Catalogue;
import org.manabi.server.Mailer;
import org.manabi.server.OutboxMailer;
import org.manabi.server.ServerSettings;
import org.manabi.server.SmtpMailer;
import org.manabi.server.Site;
import org.manabi.server.WebServer;
import org.manabi.server.WebServerException;
import org.manabi.store.Database;
import org.manabi.store.StoreException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code manabi serve}: the participants' pages and the JSON API of the published seminars, until
 * the process is stopped. The first line on stdout says where it listens, once it answers (scripts
 * and tests wait for it; with {@code --port 0} it is the only way to learn the port).
 */
@Command(mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

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

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println(spec.qualifiedName() + ": --port " + port + " is not a port number (0 to 65535; 0 picks a free one)");
            return 2;
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
            database = db == null ? Database.openH2(dataFolder) : Database.openUrl(db);
        } catch (StoreException e) {
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            return 1;
        }
        Mailer mailer;
        try {
            mailer = smtp == null ? new OutboxMailer(dataFolder.resolve("outbox"), mailFrom) : new SmtpMailer(smtp, mailFrom);
        } catch (IllegalArgumentException e) {
            database.close();
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            return 2;
        }
        Site site = Site.of(Catalogue.of(repository), database,
                mailer, new ServerSettings(publicUrl, registrationsPerMinute));
        WebServer server;
        try {
            server = WebServer.start(host, port, site);
        } catch (WebServerException e) {
            database.close();
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // requests first, then the database they use
            server.close();
            database.close();
        }, "manabi-serve-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println(MessageFormat.format(spec.resourceBundle().getString("serve.listening"), server.uri().toString(),
                database.description()));
        out.flush();
        server.join();
        return 0;
    }
}
