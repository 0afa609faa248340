package org.manabi.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.manabi.server.WebServer;
import org.manabi.server.WebServerException;

class WebServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthAnswersWithJsonAndEveryResponseCarriesTheSecurityHeaders() throws Exception {
        try (WebServer server = WebServer.start("127.0.0.1", 0)) {
            HttpResponse<String> health = get(server.uri().resolve("/health"));

            assertEquals(200, health.statusCode());
            assertEquals("{\"status\":\"up\"}", health.body());
            assertTrue(health.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertSecurityHeaders(health);

            HttpResponse<String> missing = get(server.uri().resolve("/no-such-page"));
            assertEquals(404, missing.statusCode());
            assertSecurityHeaders(missing);
        }
    }

    @Test
    void aPortInUseIsNamedInTheError() throws Exception {
        try (WebServer first = WebServer.start("127.0.0.1", 0)) {
            int port = first.uri().getPort();

            WebServerException e = assertThrows(WebServerException.class, () -> WebServer.start("127.0.0.1", port));

            assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
        }
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertSecurityHeaders(HttpResponse<String> response) {
        String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("same-origin", response.headers().firstValue("Referrer-Policy").orElse(""));
    }
}
