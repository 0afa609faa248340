package org.manabi.server.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.manabi.report.ReceiptDocument;
import org.manabi.report.ReportException;
import org.manabi.server.Catalogue;
import org.manabi.server.Catalogue.Offer;
import org.manabi.server.ServerSettings;
import org.manabi.server.ServerSettings.InvoiceIssuer;
import org.manabi.store.Receipt;
import org.manabi.store.Receipts;
import org.manabi.store.Registration;
import org.manabi.store.RegistrationStatus;
import org.manabi.store.Registrations;
import org.manabi.store.StaffMember;
import org.manabi.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Payments and receipts. Staff record a bank transfer on {@code /staff/payments/{seminar}} (one
 * button per confirmed registration with a fee), which issues the receipt under the next number;
 * the participant downloads it as a PDF at {@code /receipts/{token}} — the same receipt, however
 * often. The issuer's name and registration number come from the server's settings
 * ({@code --invoice-issuer}, {@code --invoice-number}).
 */
public final class ReceiptPages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ReceiptPages.class);

    private final transient Catalogue catalogue;
    private final transient Registrations registrations;
    private final transient Receipts receipts;
    private final transient StaffGate gate;
    private final transient ServerSettings settings;
    private final transient Pages pages = new Pages();

    public ReceiptPages(Catalogue catalogue, Registrations registrations, Receipts receipts, StaffGate gate,
            ServerSettings settings) {
        this.catalogue = catalogue;
        this.registrations = registrations;
        this.receipts = receipts;
        this.gate = gate;
        this.settings = settings;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Texts texts = Pages.texts(request, response);
        String[] path = Http.path(request);
        try {
            if ("/receipts".equals(request.getServletPath())) {
                receipt(request, response, texts, path);
                return;
            }
            Optional<StaffMember> member = gate.member(request);
            if (member.isEmpty()) {
                response.setStatus(303);
                response.setHeader("Location", "/staff/login");
                return;
            }
            if (path.length == 0) {
                seminars(request, response, texts, member.get());
            } else if (path.length == 1 && catalogue.offer(path[0]).isPresent()) {
                if (!member.get().mayRead(path[0])) {
                    forbidden(request, response, texts);
                    return;
                }
                payments(request, response, texts, member.get(), catalogue.offer(path[0]).get());
            } else {
                notFound(request, response, texts);
            }
        } catch (StoreException e) {
            pages.unavailable(request, response, texts, e, "/staff");
        }
    }

    /** {@code POST /staff/payments/{seminar}/{registration number}/paid}. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Texts texts = Pages.texts(request, response);
        String[] path = Http.path(request);
        try {
            Optional<StaffMember> member = gate.member(request);
            if (member.isEmpty() || "/receipts".equals(request.getServletPath())) {
                pages.message(request, response, 401, texts, texts.get("staff_login_title"),
                        texts.get("staff_session_needed"), "/staff/login");
                return;
            }
            if (!Csrf.valid(request)) {
                pages.message(request, response, 403, texts, texts.get("csrf_heading"), texts.get("csrf_text"), "/staff");
                return;
            }
            Optional<Offer> offer = path.length == 3 && path[2].equals("paid") && path[1].matches("[0-9]{1,18}")
                    ? catalogue.offer(path[0]) : Optional.empty();
            if (offer.isEmpty()) {
                notFound(request, response, texts);
                return;
            }
            if (!member.get().mayRead(path[0])) {
                forbidden(request, response, texts);
                return;
            }
            if (settings.invoiceIssuer() == null) {
                pages.message(request, response, 409, texts, texts.get("receipt_no_issuer_heading"),
                        texts.get("receipt_no_issuer_text"), "/staff/payments/" + path[0]);
                return;
            }
            Optional<Registration> registration = registrations.byId(Long.parseLong(path[1]))
                    .filter(r -> r.seminarId().equals(path[0]) && r.status() == RegistrationStatus.CONFIRMED
                            && r.applicant().feeYen() > 0);
            if (registration.isEmpty()) {
                notFound(request, response, texts);
                return;
            }
            gate.audit(request, member.get(), "record payment", StaffDesk.subject(registration.get()));
            Receipt receipt = receipts.issue(registration.get(), offer.get().title() + " 受講料", member.get().email());
            response.setStatus(303);
            response.setHeader("Location", "/staff/payments/" + path[0] + "?receipt=" + receipt.number());
        } catch (StoreException e) {
            pages.unavailable(request, response, texts, e, "/staff");
        }
    }

    private void seminars(HttpServletRequest request, HttpServletResponse response, Texts texts, StaffMember member)
            throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Offer offer : catalogue.offers()) {
            if (!offer.free() && member.mayRead(offer.id())) {
                rows.add(Map.of("id", offer.id(), "title", ParticipantPages.title(offer, texts)));
            }
        }
        render(request, response, texts, member, Map.of("seminars", rows, "list", true));
    }

    private void payments(HttpServletRequest request, HttpServletResponse response, Texts texts, StaffMember member,
            Offer offer) throws IOException, StoreException {
        gate.audit(request, member, "read payments", offer.id());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Registration r : registrations.ofSeminar(offer.id())) {
            if (r.status() != RegistrationStatus.CONFIRMED || r.applicant().feeYen() <= 0) {
                continue;
            }
            Map<String, Object> row = new HashMap<>();
            row.put("id", r.id());
            row.put("name", r.applicant().name());
            row.put("organization", r.applicant().organization());
            row.put("fee", texts.format("fee_yen", r.applicant().feeYen()));
            receipts.ofRegistration(r.id()).ifPresent(receipt -> row.put("receipt", receipt.number()));
            rows.add(row);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("seminarId", offer.id());
        model.put("title", ParticipantPages.title(offer, texts));
        model.put("rows", rows);
        model.put("noIssuer", settings.invoiceIssuer() == null);
        String issued = request.getParameter("receipt");
        if (issued != null && issued.matches("[0-9]{1,18}")) {
            model.put("notice", texts.format("receipt_issued", Long.parseLong(issued)));
        }
        render(request, response, texts, member, model);
    }

    private void receipt(HttpServletRequest request, HttpServletResponse response, Texts texts, String[] path)
            throws IOException, StoreException {
        Optional<Registration> registration = path.length == 1 ? registrations.find(path[0]) : Optional.empty();
        Optional<Receipt> receipt = registration.isEmpty() ? Optional.empty()
                : receipts.ofRegistration(registration.get().id());
        InvoiceIssuer issuer = settings.invoiceIssuer();
        if (receipt.isEmpty() || issuer == null) {
            pages.message(request, response, 404, texts, texts.get("receipt_none_heading"),
                    texts.get("receipt_none_text"), path.length == 1 ? "/r/" + path[0] : "/");
            return;
        }
        Receipt r = receipt.get();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            new ReceiptDocument(issuer.name(), issuer.registrationNumber(), r.number(),
                    r.issuedAt().atZone(Catalogue.ZONE).toLocalDate(), r.addressee(), r.description(), r.amountYen(),
                    r.taxRatePercent(), r.taxYen()).write(pdf);
        } catch (ReportException e) {
            LOG.error("A receipt PDF cannot be made: {}", e.getMessage());
            pages.message(request, response, 503, texts, texts.get("unavailable_heading"),
                    texts.get("certificate_no_pdf"), "/");
            return;
        }
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setContentType("application/pdf");
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("Content-Disposition", "attachment; filename=\"receipt-" + r.number() + ".pdf\"");
        response.setContentLength(pdf.size());
        pdf.writeTo(response.getOutputStream());
    }

    private void render(HttpServletRequest request, HttpServletResponse response, Texts texts, StaffMember member,
            Map<String, Object> model) throws IOException {
        Map<String, Object> scope = new HashMap<>(model);
        scope.put("staff", StaffPages.nav(member, request, response));
        pages.render(request, response, 200, "staff_payments", texts, texts.get("staff_payments"), scope);
    }

    private void forbidden(HttpServletRequest request, HttpServletResponse response, Texts texts) throws IOException {
        pages.message(request, response, 403, texts, texts.get("staff_forbidden_heading"),
                texts.get("staff_forbidden_text"), "/staff/payments");
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response, Texts texts) throws IOException {
        pages.message(request, response, 404, texts, texts.get("not_found_heading"), texts.get("not_found_text"),
                "/staff/payments");
    }
}
