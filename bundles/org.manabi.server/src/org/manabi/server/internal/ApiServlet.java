package org.manabi.server.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.manabi.server.Catalogue;
import org.manabi.server.Catalogue.Offer;
import org.manabi.server.Catalogue.Seats;
import org.manabi.server.ServerSettings;
import org.manabi.server.internal.RegistrationDesk.Form;
import org.manabi.server.internal.RegistrationDesk.InputProblem;
import org.manabi.server.internal.RegistrationDesk.RegistrationClosed;
import org.manabi.store.Change;
import org.manabi.store.DuplicateRegistrationException;
import org.manabi.store.Pool;
import org.manabi.store.PoolCounts;
import org.manabi.store.Registration;
import org.manabi.store.Registrations;
import org.manabi.store.StoreException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The participants' JSON API (docs/API.md): the catalogue, registering, reading, cancelling and
 * moving a registration. Errors are JSON objects {@code {"error", "field"}} with a 4xx status; a
 * POST must say {@code Content-Type: application/json}, which no other site can make a browser send
 * without asking first (CORS), so the API needs no CSRF token.
 */
public final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Texts ENGLISH = Texts.of("en");

    private final transient Catalogue catalogue;
    private final transient Registrations registrations;
    private final transient RegistrationDesk desk;
    private final transient RateLimiter registrationLimit;
    private final transient ServerSettings settings;

    public ApiServlet(Catalogue catalogue, Registrations registrations, RegistrationDesk desk,
            RateLimiter registrationLimit, ServerSettings settings) {
        this.catalogue = catalogue;
        this.registrations = registrations;
        this.desk = desk;
        this.registrationLimit = registrationLimit;
        this.settings = settings;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = Http.path(request);
        try {
            if (path.length == 1 && path[0].equals("seminars")) {
                Map<String, Map<Pool, PoolCounts>> counts = registrations.counts();
                Json.write(response, 200, catalogue.offers().stream().map(offer -> seminar(offer, counts)).toList());
            } else if (path.length == 2 && path[0].equals("seminars")) {
                Optional<Offer> offer = catalogue.offer(path[1]);
                if (offer.isEmpty()) {
                    Json.error(response, 404, "No published seminar has the id " + path[1], null);
                } else {
                    String id = offer.get().id();
                    Json.write(response, 200, seminar(offer.get(), Map.of(id, registrations.countsOf(id))));
                }
            } else if (path.length == 2 && path[0].equals("registrations")) {
                Optional<Registration> registration = registrations.find(path[1]);
                if (registration.isEmpty()) {
                    Json.error(response, 404, "No registration has this token", null);
                } else {
                    Json.write(response, 200, registration(registration.get()));
                }
            } else {
                Json.error(response, 404, "No such API resource: " + request.getRequestURI(), null);
            }
        } catch (StoreException e) {
            Json.unavailable(response, e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = Http.path(request);
        try {
            if (path.length == 3 && path[0].equals("seminars") && path[2].equals("registrations")) {
                register(request, response, path[1]);
            } else if (path.length == 3 && path[0].equals("registrations") && path[2].equals("cancel")) {
                Optional<Change> change = desk.cancel(path[1], Http.site(request, settings));
                if (change.isEmpty()) {
                    Json.error(response, 404, "No registration has this token", null);
                } else {
                    Json.write(response, 200, registration(change.get().registration()));
                }
            } else if (path.length == 3 && path[0].equals("registrations") && path[2].equals("pool")) {
                move(request, response, path[1]);
            } else {
                Json.error(response, 404, "No such API resource: " + request.getRequestURI(), null);
            }
        } catch (StoreException e) {
            if (e.getCause() == null) {
                Json.error(response, 409, e.getMessage(), null); // a rule of the store, e.g. moving a cancelled registration
            } else {
                Json.unavailable(response, e);
            }
        }
    }

    private void register(HttpServletRequest request, HttpServletResponse response, String seminarId)
            throws IOException, StoreException {
        Optional<Offer> offer = catalogue.offer(seminarId);
        if (offer.isEmpty()) {
            Json.error(response, 404, "No published seminar has the id " + seminarId, null);
            return;
        }
        JsonNode body = jsonBody(request, response);
        if (body == null) {
            return;
        }
        if (!registrationLimit.tryAcquire(request.getRemoteAddr())) {
            response.setHeader("Retry-After", "60");
            Json.error(response, 429, "Too many registrations from this address; try again in a minute", null);
            return;
        }
        try {
            Form form = new Form(string(body, "name"), string(body, "kana"), string(body, "email"),
                    string(body, "organization"), bool(body, "member"), string(body, "memberBody"), string(body, "pool"),
                    answers(body), language(body));
            Change change = desk.register(offer.get(), form, Http.site(request, settings));
            Registration registration = change.registration();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("status", registration.status().key());
            answer.put("position", registration.position());
            answer.put("fee", registration.applicant().feeYen());
            answer.put("token", registration.token());
            response.setHeader("Location", "/api/registrations/" + registration.token());
            Json.write(response, 201, answer);
        } catch (InputProblem e) {
            Json.error(response, 400, e.message(ENGLISH), e.field());
        } catch (RegistrationClosed e) {
            Json.error(response, 403, e.getMessage(), null);
        } catch (DuplicateRegistrationException e) {
            Json.error(response, 409, "This address is already registered for this seminar; its personal link has been "
                    + "emailed to it again", "email");
        }
    }

    private void move(HttpServletRequest request, HttpServletResponse response, String token)
            throws IOException, StoreException {
        JsonNode body = jsonBody(request, response);
        if (body == null) {
            return;
        }
        Optional<Registration> current = registrations.find(token);
        Optional<Offer> offer = current.flatMap(r -> catalogue.offer(r.seminarId()));
        if (offer.isEmpty()) {
            Json.error(response, 404, "No registration of a published seminar has this token", null);
            return;
        }
        try {
            Pool pool = desk.pool(offer.get(), string(body, "pool"));
            Change change = desk.move(token, pool, Http.site(request, settings)).orElseThrow();
            Json.write(response, 200, registration(change.registration()));
        } catch (InputProblem e) {
            Json.error(response, 400, e.message(ENGLISH), e.field());
        }
    }

    /** The body as a JSON object, or {@code null} after answering with the reason it is not one. */
    private JsonNode jsonBody(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!Json.typed(request, response)) {
            return null;
        }
        byte[] bytes = Http.body(request);
        if (bytes == null) {
            Json.error(response, 413, "The body is larger than " + Http.MAX_BODY / 1024 + " KiB", null);
            return null;
        }
        try {
            JsonNode body = Json.mapper().readTree(bytes);
            if (body == null || !body.isObject()) {
                Json.error(response, 400, "The body must be a JSON object", null);
                return null;
            }
            return body;
        } catch (JsonProcessingException e) {
            Json.error(response, 400, "The body is not valid JSON (UTF-8): " + e.getOriginalMessage(), null);
            return null;
        }
    }

    private static String string(JsonNode body, String field) throws InputProblem {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InputProblem(field, "error_type_text");
        }
        return value.asText();
    }

    private static Boolean bool(JsonNode body, String field) throws InputProblem {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new InputProblem(field, "error_type_boolean");
        }
        return value.asBoolean();
    }

    private static Map<String, String> answers(JsonNode body) throws InputProblem {
        JsonNode value = body.get("answers");
        Map<String, String> answers = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return answers;
        }
        if (!value.isObject()) {
            throw new InputProblem("answers", "error_type_object");
        }
        for (Map.Entry<String, JsonNode> answer : value.properties()) {
            if (!answer.getValue().isValueNode()) {
                throw new InputProblem("answers", "error_answer");
            }
            answers.put(answer.getKey(), answer.getValue().asText());
        }
        return answers;
    }

    private static String language(JsonNode body) {
        JsonNode value = body.get("language");
        return value != null && "ja".equals(value.asText()) ? "ja" : "en";
    }

    /** A published seminar with its fees and the seats of its pools, as GET /api/seminars lists it. */
    static Map<String, Object> seminar(Offer offer, Map<String, Map<Pool, PoolCounts>> counts) {
        Map<String, Object> seminar = new LinkedHashMap<>();
        seminar.put("id", offer.id());
        seminar.put("title", offer.title());
        seminar.put("englishTitle", offer.englishTitle());
        seminar.put("start", Json.time(offer.start()));
        seminar.put("end", Json.time(offer.end()));
        seminar.put("delivery", offer.delivery());
        Map<String, Object> fees = new LinkedHashMap<>();
        fees.put("member", offer.fee(true));
        fees.put("nonMember", offer.fee(false));
        seminar.put("fees", fees);
        Map<String, Object> pools = new LinkedHashMap<>();
        Map<Pool, PoolCounts> seminarCounts = counts.getOrDefault(offer.id(), Map.of());
        for (Map.Entry<Pool, Seats> pool : offer.pools().entrySet()) {
            PoolCounts count = seminarCounts.getOrDefault(pool.getKey(), PoolCounts.NONE);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("capacity", pool.getValue().capacity());
            figures.put("confirmed", count.confirmed());
            figures.put("waiting", count.waiting());
            pools.put(pool.getKey().key(), figures);
        }
        seminar.put("pools", pools);
        if (offer.vodOpens() != null || offer.vodCloses() != null) {
            Map<String, Object> vod = new LinkedHashMap<>();
            vod.put("opens", Json.time(offer.vodOpens()));
            vod.put("closes", Json.time(offer.vodCloses()));
            seminar.put("vod", vod);
        }
        seminar.put("registrationOpens", Json.time(offer.registrationOpens()));
        seminar.put("registrationCloses", Json.time(offer.registrationCloses()));
        return seminar;
    }

    /** A registration as the participant sees it; the staff API adds to it. */
    static Map<String, Object> registration(Registration r) {
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("seminar", r.seminarId());
        registration.put("pool", r.pool().key());
        registration.put("status", r.status().key());
        registration.put("position", r.position());
        registration.put("fee", r.applicant().feeYen());
        registration.put("name", r.applicant().name());
        registration.put("kana", r.applicant().kana());
        registration.put("email", r.applicant().email());
        registration.put("organization", r.applicant().organization());
        registration.put("member", r.applicant().member());
        registration.put("checkedIn", r.checkedIn() != null);
        return registration;
    }

}
