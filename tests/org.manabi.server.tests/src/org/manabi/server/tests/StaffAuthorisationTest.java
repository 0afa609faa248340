package org.manabi.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.manabi.store.PersonalDataRequests;
import org.manabi.store.Pool;
import org.manabi.store.Registration;
import org.manabi.store.StaffRole;

/**
 * The authorisation matrix: every staff endpoint, page and API, asked by nobody, by an instructor
 * of another seminar, by the seminar's instructor and by an admin.
 */
class StaffAuthorisationTest {

    private static final String PASSWORD = "a password of twelve+";

    /** Who asks. */
    private enum Who {
        NOBODY, OTHER_INSTRUCTOR, INSTRUCTOR, ADMIN
    }

    /**
     * An endpoint; {@code scoped}: about one seminar (out of scope is 403); {@code adminOnly}: 403 for
     * every instructor; {@code success}: the status for those allowed (200, or 303 after a form).
     */
    private record Endpoint(String method, String path, boolean scoped, boolean adminOnly, int success) {

        boolean page() {
            return !path.startsWith("/api/");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private TestSite site;
    private Registration registration;
    private Registration second;
    private long request;
    private final Map<Who, Browser> browsers = new EnumMap<>(Who.class);

    @BeforeEach
    void start() throws Exception {
        site = new TestSite(0);
        registration = site.register("dicom-2026", Pool.ONSITE, "青木 太郎", "あおき たろう", Map.of());
        second = site.register("dicom-2026", Pool.ONSITE, "馬場 花子", "ばば はなこ", Map.of());
        request = new PersonalDataRequests(site.database, site.site.clock())
                .ask(registration.id(), PersonalDataRequests.Kind.DELETION, Map.of(), "").id();
        site.staff("other@example.jp", StaffRole.INSTRUCTOR, PASSWORD, "free-web-2026");
        site.staff("teacher@example.jp", StaffRole.INSTRUCTOR, PASSWORD, "dicom-2026");
        site.staff("admin@example.jp", StaffRole.ADMIN, PASSWORD);
        for (Who who : Who.values()) {
            browsers.put(who, new Browser(site));
        }
        login(Who.OTHER_INSTRUCTOR, "other@example.jp");
        login(Who.INSTRUCTOR, "teacher@example.jp");
        login(Who.ADMIN, "admin@example.jp");
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    /** Every staff endpoint there is; a new one belongs here. */
    private List<Endpoint> endpoints() {
        String token = registration.token();
        String id = String.valueOf(registration.id());
        return List.of(
                // personal-data requests are for admins only; a settlement without a decision is 400
                new Endpoint("GET", "/staff/requests", false, true, 200),
                new Endpoint("GET", "/staff/requests/" + request, false, true, 200),
                new Endpoint("POST", "/staff/requests/" + request, false, true, 400),
                new Endpoint("GET", "/api/staff/requests", false, true, 200),
                new Endpoint("GET", "/api/staff/requests/" + request, false, true, 200),
                new Endpoint("POST", "/api/staff/requests/" + request, false, true, 400),
                new Endpoint("GET", "/staff", false, false, 200),
                new Endpoint("GET", "/staff/seminars/dicom-2026", true, false, 200),
                new Endpoint("GET", "/staff/seminars/dicom-2026?q=" + URLEncoder.encode("あおき", StandardCharsets.UTF_8), true,
                        false, 200),
                new Endpoint("GET", "/staff/seminars/dicom-2026/attendance", true, false, 200),
                new Endpoint("GET", "/staff/seminars/dicom-2026/registrants.csv", true, false, 200),
                new Endpoint("GET", "/staff/accounts", false, true, 200),
                new Endpoint("GET", "/staff/audit", false, true, 200),
                new Endpoint("POST", "/staff/seminars/dicom-2026/registrants/" + id + "/check-in", true, false, 303),
                new Endpoint("POST", "/staff/registrations/" + token + "/check-in", true, false, 303),
                new Endpoint("POST", "/staff/accounts", false, true, 303),
                new Endpoint("GET", "/api/staff/me", false, false, 200),
                new Endpoint("GET", "/api/staff/seminars", false, false, 200),
                new Endpoint("GET", "/api/staff/seminars/dicom-2026/registrations", true, false, 200),
                new Endpoint("GET", "/api/staff/registrations/" + token, true, false, 200),
                new Endpoint("POST", "/api/staff/registrations/" + token + "/check-in", true, false, 200),
                new Endpoint("POST", "/api/staff/seminars/dicom-2026/registrations/" + second.id() + "/check-in", true,
                        false, 200));
    }

    @Test
    void everyStaffEndpointAnswersEachKindOfAskerAsItShould() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Who who : Who.values()) {
                int expected = expected(endpoint, who);
                HttpResponse<String> response = ask(browsers.get(who), endpoint);
                if (response.statusCode() != expected) {
                    wrong.add(endpoint + " by " + who + ": " + response.statusCode() + ", expected " + expected);
                } else if (who == Who.NOBODY && endpoint.page() && endpoint.method().equals("GET")) {
                    String location = response.headers().firstValue("Location").orElse("");
                    if (!location.startsWith("/staff/login")) {
                        wrong.add(endpoint + " by nobody redirects to " + location);
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void nothingOutOfScopeIsReadOrChanged() throws Exception {
        Browser other = browsers.get(Who.OTHER_INSTRUCTOR);

        String body = ask(other, new Endpoint("GET", "/staff/seminars/dicom-2026", true, false, 200)).body();
        ask(other, new Endpoint("POST", "/api/staff/registrations/" + registration.token() + "/check-in", true, false, 200));

        assertTrue(!body.contains("青木"), "the 403 page shows no registrant");
        assertEquals(null, site.site.registrations().find(registration.token()).orElseThrow().checkedIn());
        assertTrue(site.audit().stream().noneMatch(e -> e.staff().equals("other@example.jp")
                && !e.action().equals("log-in")), "a refused request reads nothing, so it logs no read: " + site.audit());
        assertEquals(403, other.get("/staff/seminars/no-such-seminar").statusCode(),
                "an instructor learns nothing of seminars outside their scope, not even whether they exist");
        assertEquals(404, browsers.get(Who.ADMIN).get("/staff/seminars/no-such-seminar").statusCode());
    }

    private static int expected(Endpoint endpoint, Who who) {
        if (who == Who.NOBODY) {
            return endpoint.page() && endpoint.method().equals("GET") ? 303 : 401;
        }
        boolean instructor = who == Who.INSTRUCTOR || who == Who.OTHER_INSTRUCTOR;
        if (endpoint.adminOnly() && instructor || endpoint.scoped() && who == Who.OTHER_INSTRUCTOR) {
            return 403;
        }
        return endpoint.success();
    }

    private HttpResponse<String> ask(Browser browser, Endpoint endpoint) throws Exception {
        if (endpoint.method().equals("GET")) {
            return browser.get(endpoint.path());
        }
        if (!endpoint.page()) {
            return browser.postJson(endpoint.path(), "{}");
        }
        if (endpoint.path().equals("/staff/accounts")) {
            return browser.submit(endpoint.path(), Map.of("email", "new@example.jp", "role", "instructor",
                    "password", "another good password", "seminar", "dicom-2026"));
        }
        return browser.submit(endpoint.path(), Map.of());
    }

    private void login(Who who, String email) throws Exception {
        assertEquals(303, browsers.get(who).logIn(email, PASSWORD).statusCode());
    }
}
