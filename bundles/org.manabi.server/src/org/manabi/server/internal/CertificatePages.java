package org.manabi.server.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.manabi.report.ReportException;
import org.manabi.server.ServerSettings;
import org.manabi.server.internal.CertificateDesk.Eligibility;
import org.manabi.server.internal.CertificateDesk.Holder;
import org.manabi.store.Certificate;
import org.manabi.store.Registration;
import org.manabi.store.Registrations;
import org.manabi.store.StoreException;
import org.manabi.store.ViewingId;
import org.manabi.store.ViewingIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The certificate pages: {@code /certificates/r/{token}} for a registration and
 * {@code /certificates/vod/{viewing ID}} for a viewing ID show where the holder stands on each
 * condition of the seminar's rule, issue the certificate (POST, once) and serve its PDF
 * ({@code …/certificate.pdf}); {@code /verify/{code}} tells anyone whether a code belongs to a
 * certificate issued here, and nothing more (no name, no seminar: the code is printed on paper
 * that may be lost).
 */
public final class CertificatePages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CertificatePages.class);
    private static final String PDF = "certificate.pdf";

    private final transient CertificateDesk desk;
    private final transient Registrations registrations;
    private final transient ViewingIds ids;
    private final transient ServerSettings settings;
    private final transient Pages pages = new Pages();

    public CertificatePages(CertificateDesk desk, Registrations registrations, ViewingIds ids, ServerSettings settings) {
        this.desk = desk;
        this.registrations = registrations;
        this.ids = ids;
        this.settings = settings;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Texts texts = Pages.texts(request, response);
        String[] path = Http.path(request);
        response.setHeader("Referrer-Policy", "no-referrer");
        try {
            if ("/verify".equals(request.getServletPath())) {
                verify(request, response, texts, path);
                return;
            }
            Optional<Holder> holder = path.length >= 2 ? holder(path[0], path[1]) : Optional.empty();
            if (holder.isEmpty() || path.length > 3 || path.length == 3 && !path[2].equals(PDF)) {
                pages.message(request, response, 404, texts, texts.get("certificate_none_heading"),
                        texts.get("certificate_none_text"), "/");
                return;
            }
            if (path.length == 3) {
                pdf(request, response, texts, holder.get());
            } else {
                page(request, response, texts, holder.get(), base(path));
            }
        } catch (StoreException e) {
            pages.unavailable(request, response, texts, e, "/");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Texts texts = Pages.texts(request, response);
        String[] path = Http.path(request);
        if (!Csrf.valid(request)) {
            pages.message(request, response, 403, texts, texts.get("csrf_heading"), texts.get("csrf_text"), "/");
            return;
        }
        try {
            Optional<Holder> holder = path.length == 2 ? holder(path[0], path[1]) : Optional.empty();
            if (holder.isEmpty() || "/verify".equals(request.getServletPath())) {
                pages.message(request, response, 404, texts, texts.get("certificate_none_heading"),
                        texts.get("certificate_none_text"), "/");
                return;
            }
            Optional<Certificate> issued = desk.issue(holder.get());
            response.setStatus(303);
            response.setHeader("Location", base(path) + (issued.isPresent() ? "/" + PDF : ""));
        } catch (StoreException e) {
            pages.unavailable(request, response, texts, e, "/");
        }
    }

    private Optional<Holder> holder(String kind, String key) throws StoreException {
        if (kind.equals("r")) {
            Optional<Registration> registration = registrations.find(key);
            return registration.isEmpty() ? Optional.empty() : desk.holder(registration.get());
        }
        if (kind.equals("vod")) {
            Optional<ViewingId> id = ids.find(key);
            if (id.isEmpty()) {
                return Optional.empty();
            }
            Optional<Registration> registration = id.get().registrationId() == null ? Optional.empty()
                    : registrations.byId(id.get().registrationId());
            return desk.holder(id.get(), registration);
        }
        return Optional.empty();
    }

    private void page(HttpServletRequest request, HttpServletResponse response, Texts texts, Holder holder, String base)
            throws IOException, StoreException {
        Eligibility eligibility = desk.eligibility(holder);
        List<Map<String, Object>> conditions = new ArrayList<>();
        condition(conditions, texts, "attended", eligibility.attended(), eligibility.terms().attendance());
        condition(conditions, texts, "watched", eligibility.watched(), eligibility.terms().watching());
        condition(conditions, texts, "passed", eligibility.passed(), eligibility.terms().passing());
        Optional<Certificate> issued = desk.issued(holder);
        Map<String, Object> model = new HashMap<>();
        model.put("title", VodPages.title(holder.course(), texts));
        model.put("name", holder.name());
        model.put("conditions", conditions);
        model.put("eligible", eligibility.eligible() && issued.isEmpty());
        model.put("notYet", !eligibility.eligible() && issued.isEmpty());
        issued.ifPresent(c -> model.put("issued", Map.of("href", base + "/" + PDF, "code", c.code())));
        model.put("action", base);
        model.put("csrf", Csrf.token(request, response));
        pages.render(request, response, 200, "certificate", texts, texts.get("certificate_title"), model);
    }

    private static void condition(List<Map<String, Object>> conditions, Texts texts, String key, Boolean met,
            boolean asked) {
        if (!asked) {
            return;
        }
        String state = met == null ? "unknown" : met ? "met" : "open";
        conditions.add(Map.of("label", texts.get("certificate_" + key), "state", state,
                "stateText", texts.get("certificate_state_" + state)));
    }

    private void pdf(HttpServletRequest request, HttpServletResponse response, Texts texts, Holder holder)
            throws IOException, StoreException {
        Optional<Certificate> issued = desk.issued(holder);
        if (issued.isEmpty()) {
            pages.message(request, response, 404, texts, texts.get("certificate_none_heading"),
                    texts.get("certificate_not_issued"), "/");
            return;
        }
        byte[] pdf;
        try {
            pdf = desk.pdf(issued.get(), holder.course(), Http.site(request, settings));
        } catch (ReportException e) {
            // no Japanese font on the server: the operator's to fix, the message says how
            LOG.error("A certificate PDF cannot be made: {}", e.getMessage());
            pages.message(request, response, 503, texts, texts.get("unavailable_heading"),
                    texts.get("certificate_no_pdf"), "/");
            return;
        }
        response.setContentType("application/pdf");
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("Content-Disposition", "attachment; filename=\"certificate-" + issued.get().code() + ".pdf\"");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }

    private void verify(HttpServletRequest request, HttpServletResponse response, Texts texts, String[] path)
            throws IOException, StoreException {
        String typed = path.length == 1 ? path[0] : request.getParameter("code");
        if (typed == null || typed.isBlank()) {
            pages.render(request, response, 200, "verify", texts, texts.get("verify_title"), Map.of("form", true));
            return;
        }
        boolean genuine = desk.genuine(typed);
        pages.render(request, response, genuine ? 200 : 404, "verify", texts, texts.get("verify_title"),
                Map.of("genuine", genuine, "forged", !genuine, "code", typed));
    }

    private static String base(String[] path) {
        return "/certificates/" + path[0] + "/" + path[1];
    }
}
