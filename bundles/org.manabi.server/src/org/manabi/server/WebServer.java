package org.manabi.server;

import java.net.URI;
import java.util.EnumSet;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.manabi.server.internal.AccessLog;
import org.manabi.server.internal.ApiServlet;
import org.manabi.server.internal.CalendarServlet;
import org.manabi.server.internal.CertificateDesk;
import org.manabi.server.internal.CertificatePages;
import org.manabi.server.internal.ContentFiles;
import org.manabi.server.internal.DocumentPages;
import org.manabi.server.internal.HealthServlet;
import org.manabi.server.internal.MailSender;
import org.manabi.server.internal.Metrics;
import org.manabi.server.internal.MetricsServlet;
import org.manabi.server.internal.ParticipantPages;
import org.manabi.server.internal.Privacy;
import org.manabi.server.internal.Quizzes;
import org.manabi.server.internal.RateLimiter;
import org.manabi.server.internal.ReadinessServlet;
import org.manabi.server.internal.ReceiptPages;
import org.manabi.server.internal.RegistrationDesk;
import org.manabi.server.internal.RegistrationLetters;
import org.manabi.server.internal.RequestRush;
import org.manabi.server.internal.RequestRushFilter;
import org.manabi.server.internal.SecurityHeadersFilter;
import org.manabi.server.internal.StaffApiServlet;
import org.manabi.server.internal.StaffDesk;
import org.manabi.server.internal.StaffGate;
import org.manabi.server.internal.StaffPages;
import org.manabi.server.internal.StaticServlet;
import org.manabi.server.internal.TrustedProxies;
import org.manabi.server.internal.VodApiServlet;
import org.manabi.server.internal.VodDesk;
import org.manabi.server.internal.VodPages;
import org.manabi.server.internal.VodStaffPages;
import org.manabi.store.AuditLog;
import org.manabi.store.Certificates;
import org.manabi.store.DocumentRequests;
import org.manabi.store.OwedMails;
import org.manabi.store.PersonalDataRequests;
import org.manabi.store.QuizAttempts;
import org.manabi.store.Receipts;
import org.manabi.store.StaffAccounts;
import org.manabi.store.ViewingIds;
import org.manabi.store.ViewingProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.DispatcherType;

/**
 * The embedded Jetty 12 server of Manabi: the participants' pages ({@code /}, {@code /seminars/…},
 * {@code /r/<token>}) and JSON API ({@code /api/…}, see docs/API.md), the staff pages
 * ({@code /staff/…}) and staff API ({@code /api/staff/…}), and the seminars' iCalendar feed
 * ({@code /calendar.ics}), and video on demand: viewing pages and files ({@code /vod/…}), the player's
 * progress API ({@code /api/vod/…}), password requests for protected documents ({@code /documents/…})
 * and the staff's VOD page ({@code /staff/vod}); certificates ({@code /certificates/…}) and their
 * verification ({@code /verify/…}); payments recorded by staff ({@code /staff/payments/…}) and the
 * receipts they issue ({@code /receipts/…}); participants' personal-data requests ({@code /privacy/…}), settled by
 * admins at {@code /staff/requests}. Every response carries the security headers of the design
 * (CSP without inline script, nosniff, frame-ancestors, Referrer-Policy); {@code GET /health} tells
 * whether the server is up, {@code GET /ready} whether its database answers, {@code GET /metrics} (for
 * the monitoring system's addresses) its figures in the Prometheus format. One logfmt line per request
 * goes to the logger {@code manabi.access}. {@code X-Forwarded-*} headers count only from the
 * configured proxies.
 * <p>
 * Start on port 0 to get a free port, then ask {@link #uri()} where it listens.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private final Server server;
    private final MailSender mails;

    private WebServer(Server server, MailSender mails) {
        this.server = server;
        this.mails = mails;
    }

    /**
     * Starts listening on {@code host:port}.
     *
     * @throws WebServerException if the address cannot be bound (in use, not this machine's)
     */
    public static WebServer start(String host, int port, Site site) throws WebServerException {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("manabi-http");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.addCustomizer(new TrustedProxies(ServerSettings.addresses("trusted-proxy", site.settings().trustedProxies())));
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(new FilterHolder(new SecurityHeadersFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        RequestRush rush = RequestRush.forCores(Runtime.getRuntime().availableProcessors());
        context.addFilter(new FilterHolder(new RequestRushFilter(rush)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HealthServlet()), "/health");
        OwedMails owedMails = new OwedMails(site.database(), site.clock());
        Metrics metrics = new Metrics(site.database()::poolStats, owedMails);
        server.setRequestLog(new AccessLog(metrics));
        context.addServlet(new ServletHolder(new ReadinessServlet(site.database())), "/ready");
        context.addServlet(new ServletHolder(new MetricsServlet(metrics,
                ServerSettings.addresses("metrics-from", site.settings().metricsFrom()))), "/metrics");
        PersonalDataRequests privacyRequests = new PersonalDataRequests(site.database(), site.clock());
        // mails come from the database, where each change wrote what it owes: none is lost, none waits on the heap,
        // and a mail server that hangs delays mails, never answers; in a rush, they wait for the requests
        MailSender mails = new MailSender(owedMails, site.mailer(), rush);
        mails.writes(OwedMails.About.REGISTRATION, new RegistrationLetters(site.registrations(), privacyRequests,
                site.catalogue()));
        RegistrationDesk desk = new RegistrationDesk(site.registrations(), mails, site.clock(), metrics);
        RateLimiter registrationLimit = new RateLimiter(site.settings().registrationsPerMinute(), site.clock());
        StaffGate staff = new StaffGate(new StaffAccounts(site.database(), site.clock()),
                new AuditLog(site.database(), site.clock()), site.settings());
        StaffDesk staffDesk = new StaffDesk(site.catalogue(), site.registrations(), privacyRequests, staff);
        RateLimiter loginLimit = new RateLimiter(site.settings().loginsPerMinute(), site.clock());

        context.addServlet(new ServletHolder(new ApiServlet(site.catalogue(), site.registrations(), desk,
                registrationLimit, site.settings())), "/api/*");
        context.addServlet(new ServletHolder(new StaffApiServlet(staff, staffDesk)),
                "/api/staff/*");
        context.addServlet(new ServletHolder(new StaffPages(staff, staffDesk, loginLimit)), "/staff/*");
        context.addServlet(new ServletHolder(new CalendarServlet(site.catalogue(), site.settings(), site.clock())),
                "/calendar.ics");
        context.addServlet(new ServletHolder(new StaticServlet()), "/static/*");
        VodDesk vod = new VodDesk(VodLibrary.of(site.catalogue().content(), site.settings().videoFolder()),
                new ViewingIds(site.database(), site.clock()), new ViewingProgress(site.database(), site.clock()),
                privacyRequests, mails, site.clock());
        mails.writes(OwedMails.About.VIEWING_ID, vod::letter);
        Quizzes.mount(context, site, staff, staffDesk, vod.library());
        RateLimiter requestLimit = new RateLimiter(site.settings().registrationsPerMinute(), site.clock());
        context.addServlet(new ServletHolder(new VodPages(vod, site.catalogue(), site.registrations(), requestLimit,
                site.settings())), "/vod/*");
        context.addServlet(new ServletHolder(new VodApiServlet(vod)), "/api/vod/*");
        DocumentRequests documentRequests = new DocumentRequests(site.database(), site.clock());
        context.addServlet(new ServletHolder(new VodStaffPages(staff, vod, documentRequests, site.settings())),
                "/staff/vod/*");
        DocumentPages documentPages = new DocumentPages(vod.library(), documentRequests, mails, requestLimit,
                site.settings());
        mails.writes(OwedMails.About.DOCUMENT_REQUEST, documentPages::letter);
        context.addServlet(new ServletHolder(documentPages), "/documents/*");
        ContentFiles.mount(context, vod.library());
        ViewingIds viewingIds = new ViewingIds(site.database(), site.clock());
        CertificateDesk certificates = new CertificateDesk(vod.library(), viewingIds,
                new ViewingProgress(site.database(), site.clock()), new Certificates(site.database(), site.clock()),
                site.catalogue(), new QuizAttempts(site.database(), site.clock()), site.clock());
        ServletHolder certificatePages = new ServletHolder(new CertificatePages(certificates, site.registrations(),
                viewingIds, site.settings()));
        context.getServletHandler().addServletWithMapping(certificatePages, "/certificates/*");
        context.getServletHandler().addServletWithMapping(certificatePages, "/verify/*");
        ServletHolder receiptPages = new ServletHolder(new ReceiptPages(site.catalogue(), site.registrations(),
                new Receipts(site.database(), site.clock()), staff, site.settings()));
        context.getServletHandler().addServletWithMapping(receiptPages, "/staff/payments/*");
        context.getServletHandler().addServletWithMapping(receiptPages, "/receipts/*");
        Privacy.mount(context, site, staff, privacyRequests, mails);
        context.addServlet(new ServletHolder(new ParticipantPages(site.catalogue(), site.registrations(), desk,
                registrationLimit, site.settings(), site.clock(), staff)), "/");
        context.setMaxFormContentSize(64 * 1024);
        server.setHandler(context);
        // a stopped server must not keep the JVM of a command-line run alive
        server.setStopAtShutdown(true);
        mails.start();
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            mails.close();
            throw new WebServerException("The web server cannot listen on " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
        WebServer webServer = new WebServer(server, mails);
        LOG.info("Manabi web server listening on {}", webServer.uri());
        return webServer;
    }

    /** Where the server listens, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        String host = connector.getHost() == null ? "localhost" : connector.getHost();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + connector.getLocalPort() + "/");
    }

    /** Blocks until the server stops (for {@code manabi serve}). */
    public void join() throws InterruptedException {
        server.join();
    }

    /**
     * Stops taking requests, then stops sending mail after the one being sent; the mails not sent yet are
     * kept in the database for the next start (or another node).
     */
    @Override
    public void close() {
        stopQuietly(server);
        mails.close();
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("The web server did not stop cleanly: {}", e.getMessage());
        }
    }
}
