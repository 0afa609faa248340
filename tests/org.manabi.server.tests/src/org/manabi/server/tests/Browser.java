package org.manabi.server.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person's browser without JavaScript, set to English: its own cookies, no redirects followed
 * (tests look at them), forms posted as a browser posts them.
 */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final URI site;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    Browser(TestSite site) {
        this(site.server.uri());
    }

    Browser(URI site) {
        this.site = site;
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> bytes(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A GET with more headers, name and value in turn ({@code "Range", "bytes=0-99"}). */
    HttpResponse<byte[]> bytes(String path, String... headers) throws Exception {
        return http.send(request(path).headers(headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts {@code form} as it is: no CSRF token is added. */
    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts {@code form} with the CSRF token of this browser, as a form of the site's own pages does. */
    HttpResponse<String> submit(String path, Map<String, String> form) throws Exception {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("csrf", csrf());
        return post(path, withToken);
    }

    HttpResponse<String> postJson(String path, String json) throws Exception {
        return http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the log-in page and logs in with its form. */
    HttpResponse<String> logIn(String email, String password) throws Exception {
        return submit("/staff/login", Map.of("email", email, "password", password));
    }

    /** The CSRF token of this browser, from the log-in page's form (setting the cookie on first use). */
    String csrf() throws Exception {
        return csrf(get("/staff/login").body());
    }

    static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertTrue(matcher.find(), "the page has a form with a CSRF token: " + page);
        return matcher.group(1);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(site.resolve(path)).header("Accept-Language", "en").timeout(Duration.ofSeconds(30));
    }
}
