package org.manabi.server.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.manabi.server.Catalogue;
import org.manabi.server.ServerSettings;
import org.manabi.server.internal.PrivacyDesk.Case;
import org.manabi.store.PersonalDataRequests;
import org.manabi.store.PersonalDataRequests.Request;
import org.manabi.store.PersonalDataRequests.Status;
import org.manabi.store.StaffMember;
import org.manabi.store.StoreException;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Personal-data requests for the committee's admins (instructors get 403: a request is about a person,
 * not a seminar's teaching). The same servlet answers the pages and the API:
 * <pre>
 * GET  /staff/requests                 open requests, then the latest settled ones (HTML)
 * GET  /staff/requests/&lt;id&gt;            one request with the registration's data, and the form to settle it
 * POST /staff/requests/&lt;id&gt;            settle: decision=grant|refuse, answer (form with CSRF token)
 * GET  /api/staff/requests?status=open|settled
 * GET  /api/staff/requests/&lt;id&gt;
 * POST /api/staff/requests/&lt;id&gt;        {"decision": "grant"|"refuse", "answer": "…"}
 * </pre>
 * Every read and every settlement writes its audit row first (through {@link PrivacyDesk}).
 */
public final class StaffRequestsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Catalogue.ZONE);

    private final transient StaffGate gate;
    private final transient PrivacyDesk desk;
    private final transient ServerSettings settings;
    private final transient Pages pages = new Pages();

    StaffRequestsServlet(StaffGate gate, PrivacyDesk desk, ServerSettings settings) {
        this.gate = gate;
        this.desk = desk;
        this.settings = settings;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean api = Pages.api(request);
        Texts texts = Pages.texts(request, response, api);
        String[] path = Http.path(request);
        try {
            Optional<StaffMember> admin = admin(request, response, texts, api);
            if (admin.isEmpty()) {
                return;
            }
            if (path.length == 0) {
                if (api) {
                    boolean open = !"settled".equals(request.getParameter("status"));
                    Json.write(response, 200, Map.of("requests",
                            desk.list(request, admin.get(), open).stream().map(StaffRequestsServlet::json).toList()));
                } else {
                    list(request, response, texts, admin.get());
                }
                return;
            }
            Optional<Case> found = path.length == 1 && PrivacyPages.parse(path[0]).isPresent()
                    ? desk.open(request, admin.get(), PrivacyPages.parse(path[0]).get())
                    : Optional.empty();
            if (found.isEmpty()) {
                notFound(request, response, texts, api);
            } else if (api) {
                Map<String, Object> body = json(found.get().request());
                body.put(found.get().request().ofViewer() ? "viewer" : "registration", person(found.get().person()));
                Json.write(response, 200, body);
            } else {
                detail(request, response, texts, admin.get(), found.get(), null, 200);
            }
        } catch (StoreException e) {
            pages.unavailable(request, response, texts, api, e, "/staff/requests");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean api = Pages.api(request);
        Texts texts = Pages.texts(request, response, api);
        String[] path = Http.path(request);
        if (!pages.accepted(request, response, texts, api, "/staff/requests")) {
            return;
        }
        try {
            Optional<StaffMember> admin = admin(request, response, texts, api);
            if (admin.isEmpty()) {
                return;
            }
            Optional<Long> id = path.length == 1 ? PrivacyPages.parse(path[0]) : Optional.empty();
            if (id.isEmpty()) {
                notFound(request, response, texts, api);
                return;
            }
            String decision;
            String answer;
            if (api) {
                byte[] body = Http.body(request);
                JsonNode json = body == null ? null : readJson(body);
                if (json == null || !json.isObject()) {
                    Json.error(response, 400, "Send {\"decision\": \"grant\" or \"refuse\", \"answer\": \"…\"}", null);
                    return;
                }
                decision = json.path("decision").asText(null);
                answer = json.path("answer").asText(null);
            } else {
                decision = request.getParameter("decision");
                answer = request.getParameter("answer");
            }
            if (!"grant".equals(decision) && !"refuse".equals(decision)) {
                if (api) {
                    Json.error(response, 400, "decision must be grant or refuse", "decision");
                } else {
                    Optional<Case> found = desk.open(request, admin.get(), id.get());
                    if (found.isEmpty()) {
                        notFound(request, response, texts, false);
                    } else {
                        detail(request, response, texts, admin.get(), found.get(), texts.get("privacy_decide"), 400);
                    }
                }
                return;
            }
            settle(request, response, texts, api, admin.get(), id.get(), "grant".equals(decision), answer);
        } catch (StoreException e) {
            pages.unavailable(request, response, texts, api, e, "/staff/requests");
        }
    }

    private void settle(HttpServletRequest request, HttpServletResponse response, Texts texts, boolean api,
            StaffMember admin, long id, boolean grant, String answer) throws IOException, StoreException {
        Optional<Request> current = desk.requests().find(id);
        if (current.isEmpty()) {
            notFound(request, response, texts, api);
            return;
        }
        if (current.get().status() != Status.OPEN) {
            if (api) {
                Json.error(response, 409, "Request " + id + " was settled already (" + current.get().status().key() + ")",
                        null);
            } else {
                pages.message(request, response, 409, texts, texts.get("privacy_staff_title"),
                        texts.get("privacy_settled_already"), "/staff/requests/" + id);
            }
            return;
        }
        Optional<Request> settled = desk.settle(request, admin, id, grant, answer, Http.site(request, settings));
        if (api) {
            Json.write(response, 200, json(settled.orElseThrow()));
        } else {
            response.setStatus(303);
            response.setHeader("Location", "/staff/requests");
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response, Texts texts, StaffMember admin)
            throws IOException, StoreException {
        Map<String, Object> model = new HashMap<>();
        List<Map<String, Object>> open = rows(desk.list(request, admin, true), texts);
        List<Map<String, Object>> settled = rows(desk.list(request, admin, false), texts);
        model.put("open", open);
        model.put("hasOpen", !open.isEmpty());
        model.put("settled", settled);
        model.put("hasSettled", !settled.isEmpty());
        render(request, response, texts, admin, 200, "staff_requests", model);
    }

    private void detail(HttpServletRequest request, HttpServletResponse response, Texts texts, StaffMember admin,
            Case found, String problem, int status) throws IOException {
        Map<String, Object> model = new HashMap<>();
        Request r = found.request();
        model.put("request", row(r, texts));
        model.put("open", r.status() == Status.OPEN);
        model.put("problem", problem);
        model.put("reason", r.reason());
        List<Map<String, Object>> fields = new ArrayList<>();
        for (String field : r.ofViewer() ? PersonalDataRequests.VIEWER_CORRECTABLE : PersonalDataRequests.CORRECTABLE) {
            Map<String, Object> shown = new HashMap<>();
            shown.put("label", texts.get("field_" + field));
            shown.put("held", found.person().get(field));
            shown.put("asked", r.details().get(field));
            fields.add(shown);
        }
        model.put("fields", fields);
        model.put("correction", !r.details().isEmpty());
        model.put("suspended", found.suspended());
        model.put("anonymised", found.anonymised());
        render(request, response, texts, admin, status, "staff_request", model);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, Texts texts, StaffMember admin,
            int status, String template, Map<String, Object> model) throws IOException {
        model.put("csrf", Csrf.token(request, response));
        model.put("staff", Map.of("email", admin.email(), "admin", true, "csrf", Csrf.token(request, response)));
        pages.render(request, response, status, template, texts, texts.get("privacy_staff_title"), model);
    }

    private static List<Map<String, Object>> rows(List<Request> requests, Texts texts) {
        return requests.stream().map(r -> row(r, texts)).toList();
    }

    private static Map<String, Object> row(Request r, Texts texts) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", r.id());
        row.put("kind", texts.get("privacy_kind_" + r.kind().key()));
        row.put("status", texts.get("privacy_status_" + r.status().key()));
        row.put("seminarId", r.seminarId());
        row.put("registrationId", r.registrationId());
        row.put("viewingId", r.viewingId());
        row.put("requested", when(r.requestedAt()));
        row.put("settled", when(r.settledAt()));
        row.put("settledBy", r.settledBy());
        row.put("answer", r.answer());
        return row;
    }

    private static Map<String, Object> json(Request r) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", r.id());
        item.put("registrationId", r.registrationId());
        item.put("viewingId", r.viewingId());
        item.put("seminarId", r.seminarId());
        item.put("kind", r.kind().key());
        item.put("status", r.status().key());
        item.put("reason", r.reason());
        item.put("correction", r.details());
        item.put("requestedAt", Json.time(r.requestedAt()));
        item.put("settledAt", Json.time(r.settledAt()));
        item.put("settledBy", r.settledBy());
        item.put("answer", r.answer());
        return item;
    }

    /**
     * What staff need to see of the registration (or viewing ID) to settle a request: who it is now, and its
     * state; a viewing ID has no reading and no {@code anonymisedAt} (its address is emptied).
     */
    private static Map<String, Object> person(Map<String, Object> row) {
        Map<String, Object> person = new LinkedHashMap<>();
        for (String column : List.of("name", "kana", "organization", "email", "status", "suspended_at", "anonymised_at")) {
            person.put(column.equals("suspended_at") ? "suspendedAt" : column.equals("anonymised_at") ? "anonymisedAt"
                    : column, row.get(column));
        }
        return person;
    }

    private static String when(Instant instant) {
        return instant == null ? null : WHEN.format(instant);
    }

    private static JsonNode readJson(byte[] body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** The logged-in admin; otherwise answers (401 or the login page; 403 for an instructor) and is empty. */
    private Optional<StaffMember> admin(HttpServletRequest request, HttpServletResponse response, Texts texts, boolean api)
            throws IOException, StoreException {
        Optional<StaffMember> member = gate.member(request);
        if (member.isEmpty()) {
            if (api) {
                Json.error(response, 401, "Log in as staff first (POST /staff/login); the session cookie authenticates",
                        null);
            } else if ("GET".equals(request.getMethod())) {
                response.setStatus(303);
                response.setHeader("Location", "/staff/login?next="
                        + URLEncoder.encode(request.getRequestURI(), StandardCharsets.UTF_8));
            } else {
                pages.message(request, response, 401, texts, texts.get("staff_login_title"),
                        texts.get("staff_session_needed"), "/staff/login");
            }
            return Optional.empty();
        }
        if (!member.get().admin()) {
            if (api) {
                Json.error(response, 403, "Personal-data requests are for the committee's admins", null);
            } else {
                pages.message(request, response, 403, texts, texts.get("privacy_staff_title"),
                        texts.get("privacy_admins_only"), "/staff");
            }
            return Optional.empty();
        }
        return member;
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response, Texts texts, boolean api)
            throws IOException {
        if (api) {
            Json.error(response, 404, "No such request: " + request.getRequestURI(), null);
        } else {
            pages.message(request, response, 404, texts, texts.get("not_found_heading"),
                    texts.get("privacy_no_request"), "/staff/requests");
        }
    }
}
