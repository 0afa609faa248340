package org.manabi.server.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.manabi.server.Catalogue;
import org.manabi.server.ServerSettings;
import org.manabi.server.internal.VodDesk.Counts;
import org.manabi.store.DocumentRequests;
import org.manabi.store.DocumentRequests.DocumentRequest;
import org.manabi.store.StaffMember;
import org.manabi.store.StoreException;
import org.manabi.store.ViewingId;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The staff's VOD page, {@code /staff/vod}: per seminar the viewing IDs issued, active and
 * completed (the committee's yearly figures) and the requests waiting, each with approve and
 * refuse buttons; for admins, the password requests of protected documents per fiscal year and the
 * latest of them. Instructors see their seminars; requests are personal data, so the page writes
 * its audit row before it shows them.
 */
public final class VodStaffPages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int RECENT_DOCUMENT_REQUESTS = 100;

    private final transient StaffGate gate;
    private final transient VodDesk desk;
    private final transient ServerSettings settings;
    private final transient DocumentRequests documents;
    private final transient Pages pages = new Pages();

    public VodStaffPages(StaffGate gate, VodDesk desk, DocumentRequests documents, ServerSettings settings) {
        this.gate = gate;
        this.desk = desk;
        this.documents = documents;
        this.settings = settings;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Texts texts = Pages.texts(request, response);
        try {
            Optional<StaffMember> member = gate.member(request);
            if (member.isEmpty()) {
                response.setStatus(303);
                response.setHeader("Location", "/staff/login?next=%2Fstaff%2Fvod");
                return;
            }
            if (Http.path(request).length != 0) {
                pages.message(request, response, 404, texts, texts.get("not_found_heading"),
                        texts.get("not_found_text"), "/staff/vod");
                return;
            }
            Set<String> scope = member.get().admin() ? null : member.get().seminars();
            List<ViewingId> waiting = desk.waiting(scope);
            if (!waiting.isEmpty()) {
                gate.audit(request, member.get(), "read viewing-ID requests", waiting.size() + " waiting");
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Counts counts : desk.counts(scope)) {
                rows.add(Map.of("title", VodPages.title(counts.course(), texts), "seminarId", counts.course().seminarId(),
                        "fiscalYear", counts.course().fiscalYear(), "issued", counts.issued(), "active", counts.active(),
                        "completed", counts.completed(), "waiting", counts.waiting()));
            }
            List<Map<String, Object>> requests = new ArrayList<>();
            for (ViewingId id : waiting) {
                requests.add(Map.of("id", id.id(), "seminar", desk.library().course(id.seminarId())
                        .map(c -> VodPages.title(c, texts)).orElse(id.seminarId()), "name", id.name(),
                        "email", id.email(), "organization", id.organization(),
                        "at", StaffDesk.STAMP.format(id.requestedAt().atZone(Catalogue.ZONE))));
            }
            Map<String, Object> model = new HashMap<>();
            model.put("courses", rows);
            model.put("requests", requests);
            if (member.get().admin()) {
                documents(request, member.get(), texts, model);
            }
            String done = request.getParameter("done");
            if ("approved".equals(done) || "refused".equals(done)) {
                model.put("notice", texts.get("staff_vod_" + done));
            }
            model.put("staff", StaffPages.nav(member.get(), request, response));
            pages.render(request, response, 200, "staff_vod", texts, texts.get("staff_vod_title"), model);
        } catch (StoreException e) {
            pages.unavailable(request, response, texts, e, "/staff");
        }
    }

    /** Admins: password requests per fiscal year and document (the committee's figures), and the latest ones. */
    private void documents(HttpServletRequest request, StaffMember member, Texts texts, Map<String, Object> model)
            throws StoreException {
        List<DocumentRequest> recent = documents.recent(RECENT_DOCUMENT_REQUESTS);
        if (!recent.isEmpty()) {
            gate.audit(request, member, "read password requests", recent.size() + " latest");
        }
        List<Map<String, Object>> years = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, Integer>> year : documents.countsPerFiscalYear().entrySet()) {
            for (Map.Entry<String, Integer> document : year.getValue().entrySet()) {
                years.add(Map.of("fiscalYear", year.getKey(), "document", documentTitle(document.getKey()),
                        "count", document.getValue()));
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DocumentRequest r : recent) {
            rows.add(Map.of("document", documentTitle(r.documentId()), "name", r.requester().name(),
                    "email", r.requester().email(), "organization", r.requester().organization(),
                    "purpose", r.purpose(), "at", StaffDesk.STAMP.format(r.requestedAt().atZone(Catalogue.ZONE))));
        }
        model.put("documentYears", years);
        model.put("documentRequests", rows);
        model.put("documents", true);
    }

    private String documentTitle(String id) {
        return desk.library().document(id).map(d -> d.title()).orElse(id);
    }

    /** {@code POST /staff/vod/requests/{n}/approve} or {@code …/refuse}. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Texts texts = Pages.texts(request, response);
        String[] path = Http.path(request);
        try {
            Optional<StaffMember> member = gate.member(request);
            if (member.isEmpty()) {
                pages.message(request, response, 401, texts, texts.get("staff_login_title"),
                        texts.get("staff_session_needed"), "/staff/login");
                return;
            }
            if (!Csrf.valid(request)) {
                pages.message(request, response, 403, texts, texts.get("csrf_heading"), texts.get("csrf_text"),
                        "/staff/vod");
                return;
            }
            if (path.length != 3 || !path[0].equals("requests") || !path[1].matches("[0-9]{1,18}")
                    || !(path[2].equals("approve") || path[2].equals("refuse"))) {
                pages.message(request, response, 404, texts, texts.get("not_found_heading"),
                        texts.get("not_found_text"), "/staff/vod");
                return;
            }
            long id = Long.parseLong(path[1]);
            Optional<ViewingId> request0 = desk.byId(id);
            if (request0.isEmpty() || !member.get().mayRead(request0.get().seminarId())) {
                pages.message(request, response, 403, texts, texts.get("staff_forbidden_heading"),
                        texts.get("staff_forbidden_text"), "/staff/vod");
                return;
            }
            boolean approve = path[2].equals("approve");
            gate.audit(request, member.get(), approve ? "approve viewing ID" : "refuse viewing ID",
                    "request " + id + " for " + request0.get().seminarId());
            if (approve) {
                desk.approve(id, member.get().email(), Http.site(request, settings));
            } else {
                desk.refuse(id, member.get().email());
            }
            response.setStatus(303);
            response.setHeader("Location", "/staff/vod?done=" + (approve ? "approved" : "refused"));
        } catch (StoreException e) {
            pages.unavailable(request, response, texts, e, "/staff/vod");
        }
    }
}
