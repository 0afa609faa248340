package org.manabi.server.internal;

import java.io.IOException;
import java.net.URI;
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
import org.manabi.server.internal.PrivacyDesk.DataSubject;
import org.manabi.server.internal.RegistrationDesk.InputProblem;
import org.manabi.store.PersonalDataRequests;
import org.manabi.store.PersonalDataRequests.Kind;
import org.manabi.store.PersonalDataRequests.Request;
import org.manabi.store.PersonalDataRequests.Status;
import org.manabi.store.StoreException;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A participant's requests about their personal data, through their personal link, or through the
 * viewing ID of someone who watches without registering ({@code <token>} is either: see
 * {@link PrivacyDesk#subject}); the same servlet answers the pages and the API:
 * <pre>
 * GET  /privacy/&lt;token&gt;                              the requests made, and forms to make one (HTML)
 * POST /privacy/&lt;token&gt;                              a request (form with CSRF token)
 * GET  /privacy/&lt;token&gt;/requests/&lt;id&gt;/data.json     the disclosure, once granted
 * GET  /api/privacy/&lt;token&gt;                          the requests made (JSON)
 * POST /api/privacy/&lt;token&gt;                          a request (JSON)
 * GET  /api/privacy/&lt;token&gt;/requests/&lt;id&gt;/data      the disclosure, once granted
 * </pre>
 * A token or ID that is nobody's, and a request of another link, both answer 404: nothing tells one from the
 * other. Requests are rate-limited per client address like registrations.
 */
public final class PrivacyPages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Catalogue.ZONE);

    private final transient PrivacyDesk desk;
    private final transient Catalogue catalogue;
    private final transient RateLimiter limit;
    private final transient ServerSettings settings;
    private final transient Pages pages = new Pages();

    PrivacyPages(PrivacyDesk desk, Catalogue catalogue, RateLimiter limit, ServerSettings settings) {
        this.desk = desk;
        this.catalogue = catalogue;
        this.limit = limit;
        this.settings = settings;
    }

    /** The requests page of a personal link. */
    static URI link(URI site, String token) {
        return site.resolve("/privacy/" + token);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean api = Pages.api(request);
        Texts texts = Pages.texts(request, response, api);
        String[] path = Http.path(request);
        try {
            Optional<DataSubject> subject = path.length == 0 ? Optional.empty() : desk.subject(path[0]);
            if (subject.isEmpty()) {
                notFound(request, response, texts, api);
            } else if (path.length == 1) {
                if (api) {
                    Json.write(response, 200, Map.of("requests", json(subject.get(), desk.of(subject.get()))));
                } else {
                    page(request, response, texts, subject.get(), null, Map.of(), 200);
                }
            } else if (path.length == 4 && path[1].equals("requests") && path[3].equals(api ? "data" : "data.json")) {
                download(request, response, texts, api, subject.get(), path[2]);
            } else {
                notFound(request, response, texts, api);
            }
        } catch (StoreException e) {
            pages.unavailable(request, response, texts, api, e, "/");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean api = Pages.api(request);
        Texts texts = Pages.texts(request, response, api);
        String[] path = Http.path(request);
        if (!pages.accepted(request, response, texts, api, "/")) {
            return;
        }
        try {
            Optional<DataSubject> subject = path.length == 1 ? desk.subject(path[0]) : Optional.empty();
            if (subject.isEmpty()) {
                notFound(request, response, texts, api);
                return;
            }
            if (!limit.tryAcquire(request.getRemoteAddr())) {
                response.setHeader("Retry-After", "60");
                if (api) {
                    Json.error(response, 429, "Too many requests from this address; try again in a minute", null);
                } else {
                    pages.message(request, response, 429, texts, texts.get("privacy_rate_heading"),
                            texts.get("privacy_rate_text"), "/privacy/" + path[0]);
                }
                return;
            }
            if (api) {
                askJson(request, response, subject.get());
            } else {
                askForm(request, response, texts, subject.get());
            }
        } catch (StoreException e) {
            pages.unavailable(request, response, texts, api, e, "/");
        }
    }

    private void askForm(HttpServletRequest request, HttpServletResponse response, Texts texts, DataSubject subject)
            throws IOException, StoreException {
        Map<String, String> corrections = new HashMap<>();
        for (String field : PersonalDataRequests.CORRECTABLE) {
            corrections.put(field, request.getParameter(field));
        }
        try {
            Request made = desk.ask(request, subject, request.getParameter("kind"), request.getParameter("reason"),
                    corrections, Http.site(request, settings));
            response.setStatus(303);
            response.setHeader("Location", "/privacy/" + subject.key() + "?asked=" + made.id());
        } catch (InputProblem e) {
            Map<String, String> entered = new HashMap<>(corrections);
            entered.put("reason", request.getParameter("reason"));
            page(request, response, texts, subject, e.message(texts), entered, 400);
        }
    }

    private void askJson(HttpServletRequest request, HttpServletResponse response, DataSubject subject)
            throws IOException, StoreException {
        byte[] body = Http.body(request);
        if (body == null) {
            Json.error(response, 413, "The body is larger than " + Http.MAX_BODY + " bytes", null);
            return;
        }
        JsonNode json;
        try {
            json = Json.mapper().readTree(body);
        } catch (IOException e) {
            Json.error(response, 400, "The body is not JSON: " + e.getMessage(), null);
            return;
        }
        if (json == null || !json.isObject()) {
            Json.error(response, 400, "Send a JSON object {\"kind\": …, \"reason\": …}", null);
            return;
        }
        Map<String, String> corrections = new HashMap<>();
        JsonNode correction = json.path("correction");
        for (String field : PersonalDataRequests.CORRECTABLE) {
            if (correction.path(field).isTextual()) {
                corrections.put(field, correction.path(field).asText());
            }
        }
        try {
            Request made = desk.ask(request, subject, json.path("kind").asText(null), json.path("reason").asText(null),
                    corrections, Http.site(request, settings));
            Json.write(response, 201, json(subject, made));
        } catch (InputProblem e) {
            Texts english = Texts.of("en");
            Json.error(response, 400, e.message(english), e.field());
        }
    }

    private void download(HttpServletRequest request, HttpServletResponse response, Texts texts, boolean api,
            DataSubject subject, String id) throws IOException, StoreException {
        Optional<Request> asked = parse(id).isEmpty() ? Optional.empty() : desk.of(subject, parse(id).get());
        if (asked.isEmpty() || asked.get().kind() != Kind.DISCLOSURE) {
            notFound(request, response, texts, api);
            return;
        }
        if (asked.get().status() != Status.GRANTED) {
            if (api) {
                Json.error(response, 409, "The disclosure is " + asked.get().status().key()
                        + "; the file can be downloaded once staff have granted it", null);
            } else {
                pages.message(request, response, 409, texts, texts.get("privacy_title"),
                        texts.get("privacy_not_granted"), "/privacy/" + subject.key());
            }
            return;
        }
        Map<String, Object> file = desk.disclosure(request, subject, asked.get());
        if (!api) {
            response.setHeader("Content-Disposition",
                    "attachment; filename=\"manabi-disclosure-" + asked.get().id() + ".json\"");
        }
        Json.write(response, 200, file);
    }

    private void page(HttpServletRequest request, HttpServletResponse response, Texts texts, DataSubject subject,
            String problem, Map<String, String> entered, int status) throws IOException, StoreException {
        Map<String, Object> model = new HashMap<>();
        model.put("token", subject.key());
        model.put("home", subject.home());
        model.put("viewer", subject.ofViewer());
        model.put("csrf", Csrf.token(request, response));
        model.put("title", catalogue.offer(subject.seminarId())
                .map(offer -> texts.japanese() || offer.englishTitle() == null ? offer.title() : offer.englishTitle())
                .orElse(subject.seminarId()));
        model.put("problem", problem);
        if (request.getParameter("asked") != null) {
            model.put("notice", texts.get("privacy_received"));
        }
        // the correction form starts from what is held, or from what was entered when it came back with a problem
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", subject.name());
        values.put("kana", subject.kana());
        values.put("organization", subject.organization());
        values.put("email", subject.email());
        entered.forEach((field, value) -> {
            if (value != null) {
                values.put(field, value);
            }
        });
        model.put("values", values);
        List<Map<String, Object>> made = new ArrayList<>();
        for (Request r : desk.of(subject)) {
            Map<String, Object> item = new HashMap<>();
            item.put("id", r.id());
            item.put("kind", texts.get("privacy_kind_" + r.kind().key()));
            item.put("status", texts.get("privacy_status_" + r.status().key()));
            item.put("statusKey", r.status().key());
            item.put("requested", when(r.requestedAt()));
            item.put("settled", when(r.settledAt()));
            item.put("answer", r.answer());
            item.put("download", r.kind() == Kind.DISCLOSURE && r.status() == Status.GRANTED
                    ? "/privacy/" + subject.key() + "/requests/" + r.id() + "/data.json"
                    : null);
            made.add(item);
        }
        model.put("requests", made);
        model.put("hasRequests", !made.isEmpty());
        pages.render(request, response, status, "privacy", texts, texts.get("privacy_title"), model);
    }

    static Map<String, Object> json(DataSubject subject, Request request) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", request.id());
        item.put("kind", request.kind().key());
        item.put("status", request.status().key());
        item.put("reason", request.reason());
        item.put("correction", request.details());
        item.put("requestedAt", Json.time(request.requestedAt()));
        item.put("settledAt", Json.time(request.settledAt()));
        item.put("answer", request.answer());
        item.put("download", request.kind() == Kind.DISCLOSURE && request.status() == Status.GRANTED
                ? "/api/privacy/" + subject.key() + "/requests/" + request.id() + "/data"
                : null);
        return item;
    }

    private static List<Map<String, Object>> json(DataSubject subject, List<Request> requests) {
        return requests.stream().map(r -> json(subject, r)).toList();
    }

    static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response, Texts texts, boolean api)
            throws IOException {
        if (api) {
            Json.error(response, 404, "No such personal link or request", null);
        } else {
            pages.message(request, response, 404, texts, texts.get("not_found_heading"), texts.get("not_found_text"), "/");
        }
    }

    private static String when(Instant instant) {
        return instant == null ? null : WHEN.format(instant);
    }
}
