package org.manabi.server.internal;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.manabi.server.Site;
import org.manabi.store.AuditLog;
import org.manabi.store.OwedMails;
import org.manabi.store.PersonalDataRequests;
import org.manabi.store.ViewingIds;

/** The servlets of personal-data requests (APPI disclosure, correction, deletion, suspension), on paths of their own. */
public final class Privacy {

    private Privacy() {
    }

    /**
     * Mounts the participants' pages ({@code /privacy/*}) and API ({@code /api/privacy/*}), reached with a
     * personal token or a viewing ID, and the admins' ({@code /staff/requests/*}, {@code /api/staff/requests/*}).
     *
     * @param requests  the store of requests, which also tells the registration desk whose use is suspended
     * @param mails     sends the mails the store writes with each request and settlement; this writes them
     */
    public static void mount(ServletContextHandler context, Site site, StaffGate staff, PersonalDataRequests requests,
            MailSender mails) {
        PrivacyDesk desk = new PrivacyDesk(site.registrations(), new ViewingIds(site.database(), site.clock()), requests,
                new AuditLog(site.database(), site.clock()), site.catalogue(), mails);
        mails.writes(OwedMails.About.PERSONAL_DATA_REQUEST, desk::letter);
        PrivacyPages pages = new PrivacyPages(desk, site.catalogue(),
                new RateLimiter(site.settings().registrationsPerMinute(), site.clock()), site.settings());
        context.addServlet(new ServletHolder(pages), "/privacy/*");
        context.addServlet(new ServletHolder(pages), "/api/privacy/*");
        StaffRequestsServlet staffRequests = new StaffRequestsServlet(staff, desk, site.settings());
        context.addServlet(new ServletHolder(staffRequests), "/staff/requests/*");
        context.addServlet(new ServletHolder(staffRequests), "/api/staff/requests/*");
    }
}
