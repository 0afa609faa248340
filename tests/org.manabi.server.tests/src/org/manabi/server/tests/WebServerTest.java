package org.manabi.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.manabi.server.WebServer;
import org.manabi.server.WebServerException;

class WebServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthAnswersWithJsonAndEveryResponseCarriesTheSecurityHeaders() throws Exception {
        try (TestSite site = new TestSite(0)) {
            HttpResponse<String> health = get(site.server.uri().resolve("/health"));

            assertEquals(200, health.statusCode());
            assertEquals("{\"status\":\"up\"}", health.body());
            assertTrue(health.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertSecurityHeaders(health);

            HttpResponse<String> missing = get(site.server.uri().resolve("/no-such-page"));
            assertEquals(404, missing.statusCode());
            assertSecurityHeaders(missing);
            assertSecurityHeaders(get(site.server.uri().resolve("/api/seminars")));
        }
    }

    @Test
    void aPortInUseIsNamedInTheError() throws Exception {
        try (TestSite first = new TestSite(0)) {
            int port = first.server.uri().getPort();

            try (TestSite second = new TestSite(0)) {
                Set<Path> before = thumbnailFolders();
                WebServerException e = assertThrows(WebServerException.class,
                        () -> WebServer.start("127.0.0.1", port, second.site));
                assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
                assertEquals(before, thumbnailFolders(), "the server that could not start leaves no folder behind");
            }
        }
    }

    @Test
    void aServerWithoutAThumbnailFolderLeavesNoneBehind() throws Exception {
        Set<Path> before = thumbnailFolders();
        try (TestSite site = new TestSite(0)) {
            assertEquals(200, get(site.server.uri().resolve("/health")).statusCode());
        }
        assertEquals(before, thumbnailFolders());
    }

    private static Set<Path> thumbnailFolders() throws IOException {
        try (Stream<Path> temporary = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return temporary.filter(path -> path.getFileName().toString().startsWith("manabi-quiz-thumbnails"))
                    .collect(Collectors.toSet());
        }
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertSecurityHeaders(HttpResponse<String> response) {
        assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(""));
        assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
        assertEquals("same-origin", response.headers().firstValue("Referrer-Policy").orElse(""));
    }
}
