package org.manabi.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.manabi.server.ServerSettings;
import org.manabi.server.internal.AccessLog;

/**
 * What an operator runs the server with: /health, /ready, /metrics in the Prometheus text format for
 * the monitoring addresses only, and X-Forwarded-* believed from the configured proxy alone.
 */
class OperationsTest {

    private static final Pattern SAMPLE = Pattern.compile("([a-z_]+)(\\{[^}]*\\})? (-?[0-9.E+-]+|NaN|\\+Inf)");

    private final HttpClient http = HttpClient.newHttpClient();
    private TestSite site;

    @AfterEach
    void stop() throws Exception {
        if (site != null) {
            site.close();
        }
    }

    private TestSite start(List<String> trustedProxies, List<String> metricsFrom, int registrationsPerMinute)
            throws Exception {
        site = new TestSite(new ServerSettings(null, registrationsPerMinute, 10, trustedProxies, metricsFrom), null);
        return site;
    }

    @Test
    void readinessFollowsTheDatabase() throws Exception {
        start(List.of(), ServerSettings.LOCAL_METRICS, 0);
        assertEquals(200, get("/health").statusCode());
        HttpResponse<String> ready = get("/ready");
        assertEquals(200, ready.statusCode());
        assertTrue(ready.body().contains("\"status\":\"ready\""), ready.body());

        site.database.close();

        HttpResponse<String> unavailable = get("/ready");
        assertEquals(503, unavailable.statusCode());
        assertTrue(unavailable.body().contains("\"down\""), unavailable.body());
        assertEquals(200, get("/health").statusCode(), "the process itself still serves");
    }

    @Test
    void metricsCountRequestsLatencyRegistrationsAndThePool() throws Exception {
        start(List.of(), ServerSettings.LOCAL_METRICS, 0);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, get("/api/seminars").statusCode());
        }
        assertEquals(404, get("/api/seminars/nothing-like-it").statusCode());
        assertEquals(201, register("free-web-2026", "aoki", Map.of()).statusCode());
        assertEquals(201, register("free-web-2026", "baba", Map.of()).statusCode());

        // a request is counted once answered, which may be a moment after its client has the answer
        HttpResponse<String> response = get("/metrics");
        for (int i = 0; i < 100 && parse(response.body()).get("manabi_http_request_duration_seconds_count") < 6; i++) {
            Thread.sleep(20);
            response = get("/metrics");
        }

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain; version=0.0.4"));
        Map<String, Double> samples = parse(response.body());
        assertTrue(samples.get("manabi_http_requests_total{method=\"GET\",status=\"200\"}") >= 3, response.body());
        assertEquals(1.0, samples.get("manabi_http_requests_total{method=\"GET\",status=\"404\"}"), response.body());
        assertEquals(2.0, samples.get("manabi_http_requests_total{method=\"POST\",status=\"201\"}"), response.body());
        assertEquals(2.0, samples.get("manabi_registrations_total{outcome=\"confirmed\"}"), response.body());
        assertEquals(0.0, samples.get("manabi_registrations_total{outcome=\"waiting\"}"), response.body());
        assertTrue(samples.get("manabi_db_pool_max_connections") >= 4, response.body());
        assertTrue(samples.containsKey("manabi_db_pool_active_connections"), response.body());
        assertTrue(samples.containsKey("manabi_db_pool_pending_threads"), response.body());
        assertTrue(samples.get("manabi_mails_owed") >= 0, response.body());

        // the histogram: cumulative buckets up to +Inf = the count
        double count = samples.get("manabi_http_request_duration_seconds_count");
        assertTrue(count >= 6, response.body());
        assertEquals(count, samples.get("manabi_http_request_duration_seconds_bucket{le=\"+Inf\"}"));
        double previous = 0;
        List<Double> buckets = new ArrayList<>();
        Matcher bucket = Pattern.compile("_bucket\\{le=\"[^\"]+\"\\} ([0-9]+)").matcher(response.body());
        while (bucket.find()) {
            buckets.add(Double.parseDouble(bucket.group(1)));
        }
        assertEquals(12, buckets.size(), response.body());
        for (double value : buckets) {
            assertTrue(value >= previous, "cumulative: " + buckets);
            previous = value;
        }
        assertTrue(samples.get("manabi_http_request_duration_seconds_sum") > 0);
        assertFalse(response.body().contains("/api/"), "no path is a label");
    }

    @Test
    void metricsAnswerTheMonitoringAddressesOnly() throws Exception {
        start(List.of(), List.of("192.0.2.10", "10.0.0.0/8"), 0);

        assertEquals(403, get("/metrics").statusCode());
        assertEquals(200, get("/health").statusCode());
    }

    @Test
    void forwardedHeadersFromATrustedProxyGiveTheClientsAddressAndScheme() throws Exception {
        start(List.of("127.0.0.1"), ServerSettings.LOCAL_METRICS, 1);

        // each client behind the proxy has its own registration limit
        assertEquals(201, register("free-web-2026", "aoki", Map.of("X-Forwarded-For", "203.0.113.7")).statusCode());
        assertEquals(201, register("free-web-2026", "baba", Map.of("X-Forwarded-For", "203.0.113.8")).statusCode());
        assertEquals(429, register("free-web-2026", "chiba", Map.of("X-Forwarded-For", "203.0.113.7")).statusCode());

        // a visitor who comes through the public proxy is no monitoring system
        assertEquals(403, get("/metrics", Map.of("X-Forwarded-For", "203.0.113.7")).statusCode());
        assertEquals(200, get("/metrics").statusCode(), "the proxy's own machine without the header");

        // TLS ended at the proxy: the cookies are Secure
        String cookie = get("/staff/login", Map.of("X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "https"))
                .headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("Secure"), cookie);
    }

    @Test
    void forwardedHeadersFromAnyoneElseAreIgnored() throws Exception {
        // the proxy is elsewhere; this test's requests come straight from 127.0.0.1
        start(List.of("192.0.2.1"), ServerSettings.LOCAL_METRICS, 1);

        assertEquals(201, register("free-web-2026", "aoki", Map.of("X-Forwarded-For", "203.0.113.7")).statusCode());
        assertEquals(429, register("free-web-2026", "baba", Map.of("X-Forwarded-For", "203.0.113.8")).statusCode(),
                "a made-up address does not escape the limit");
        assertEquals(200, get("/metrics", Map.of("X-Forwarded-For", "203.0.113.7")).statusCode(),
                "the connection's own address counts");
        String cookie = get("/staff/login", Map.of("X-Forwarded-Proto", "https")).headers().firstValue("Set-Cookie")
                .orElseThrow();
        assertFalse(cookie.contains("Secure"), cookie);
    }

    @Test
    void aBadProxyAddressIsNamed() {
        ServerSettings.BadAddressException bad = assertThrows(ServerSettings.BadAddressException.class,
                () -> new ServerSettings(null, 1, 1, List.of("127.0.0.1", "10.0.0.0/99"), List.of()));
        assertEquals("trusted-proxy", bad.setting());
        assertTrue(bad.getMessage().startsWith("10.0.0.0/99 is not an address or range"), bad.getMessage());
    }

    @Test
    void theAccessLogNeverShowsAPersonalToken() {
        String token = "q3Xv_0aZ9kLmN2pQrStUvWxYz01234-5";
        assertEquals("/r/{token}", AccessLog.redacted("/r/" + token));
        assertEquals("/api/registrations/{token}/cancel", AccessLog.redacted("/api/registrations/" + token + "/cancel"));
        assertEquals("/seminars/mds-sds-writing-2025-onsite/register",
                AccessLog.redacted("/seminars/mds-sds-writing-2025-onsite/register"), "curriculum ids stay readable");
        assertEquals("/", AccessLog.redacted("/"));
        assertEquals("", AccessLog.redacted(""));
        assertEquals("/api/quiz/{token}/attempts/3/submit", AccessLog.redacted("/api/quiz/" + token + "/attempts/3/submit"));
        assertEquals("/r/{token}/", AccessLog.redacted("/r/" + token + "/"));
        assertEquals("{token}/x", AccessLog.redacted(token + "/x"), "a relative path too");
        assertEquals("/vod/{token}", AccessLog.redacted("/vod/ABCDEFGHJKLMNPQRSTUVWX"), "upper case is no curriculum id");
        assertEquals("/x/{token}", AccessLog.redacted("/x/mds--sds-writing-2025-onsite"), "nor are two hyphens in a row");
        assertEquals("/vod/{token}", AccessLog.redacted("/vod/7k2m-abcd-efgh-jkmn-pqrs"),
                "a viewing ID typed in lower case is no curriculum id");
        assertEquals("/privacy/{token}", AccessLog.redacted("/privacy/7k2mabcdefghjkmnpqrs"), "nor without its dashes");
        assertEquals("/verify/{token}", AccessLog.redacted("/verify/ab12-cd34-ef56-gh78"), "nor a certificate's code");
        assertEquals("/seminars/dicom-beginner-2026-onsite", AccessLog.redacted("/seminars/dicom-beginner-2026-onsite"));
        assertEquals("/seminars/ghs-video-trial-2026", AccessLog.redacted("/seminars/ghs-video-trial-2026"));
        assertEquals("/x/{token}", AccessLog.redacted("/x/-mds-sds-writing-2025-onsite"), "nor a leading hyphen");
        assertEquals("/x/mds_sds_writing", AccessLog.redacted("/x/mds_sds_writing"), "shorter than a token");
        assertEquals("/decks/dicom-beginner-basics-2027.pdf", AccessLog.redacted("/decks/dicom-beginner-basics-2027.pdf"));
    }

    private HttpResponse<String> register(String seminar, String name, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/seminars/" + seminar + "/registrations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(RegistrationApiTest.person(name, true, "web")));
        headers.forEach(request::header);
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(path, Map.of());
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(request::header);
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return site.server.uri().resolve(path);
    }

    /** Every sample line of a text exposition, name and labels as written; fails on a line that is neither. */
    private static Map<String, Double> parse(String exposition) {
        Map<String, Double> samples = new TreeMap<>();
        for (String line : exposition.split("\n")) {
            if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertTrue(sample.matches(), "not a sample line: " + line);
            samples.put(sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)),
                    Double.parseDouble(sample.group(3).replace("+Inf", "Infinity")));
        }
        return samples;
    }
}
