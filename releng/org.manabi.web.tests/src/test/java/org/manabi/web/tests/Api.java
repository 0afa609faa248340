package org.manabi.web.tests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON API of a running server, as a script or a load generator calls it. */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One applicant of the tests; the email is what makes two registrations the same person. */
    record Person(String name, String kana, String email, boolean member, String pool, String language) {

        static Person numbered(int number, String pool) {
            return new Person("受講者 " + number, "じゅこうしゃ", "person" + number + "@example.jp", number % 2 == 0, pool, "ja");
        }

        String json() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("kana", kana);
            body.put("email", email);
            body.put("organization", "テスト株式会社");
            body.put("member", member);
            body.put("pool", pool);
            body.put("language", language);
            try {
                return JSON.writeValueAsString(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The answer to a request: its status and its JSON body (a {@code MissingNode} when it had none). */
    record Answer(int status, JsonNode body, String text) {

        String field(String name) {
            return body.path(name).asText(null);
        }
    }

    /** A pool's figures from {@code GET /api/seminars}. */
    record PoolFigures(int capacity, int confirmed, int waiting) {
    }

    private final HttpClient http;

    /**
     * The client keeps its own executor: callers block in {@code send} on their threads, and a client
     * sharing their pool would wait for a thread none of them gives back.
     */
    Api() {
        this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build());
    }

    /** Through {@code http}, e.g. a client bound to a loopback address of its own. */
    Api(HttpClient http) {
        this.http = http;
    }

    Answer register(URI site, String seminar, Person person) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(site.resolve("/api/seminars/" + seminar + "/registrations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(person.json(), StandardCharsets.UTF_8)));
    }

    /** As {@link #register}, claiming to come from {@code forwardedFor} as a proxy would say. */
    Answer registerAs(URI site, String seminar, Person person, String forwardedFor) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(site.resolve("/api/seminars/" + seminar + "/registrations"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(person.json(), StandardCharsets.UTF_8)));
    }

    Answer registration(URI site, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(site.resolve("/api/registrations/" + token)).GET());
    }

    /** The figures of one pool of {@code seminar}, as the catalogue API reports them. */
    PoolFigures pool(URI site, String seminar, String pool) throws IOException, InterruptedException {
        Answer seminars = send(HttpRequest.newBuilder(site.resolve("/api/seminars")).GET());
        if (seminars.status() != 200) {
            throw new AssertionError("GET /api/seminars answered " + seminars.status() + ": " + seminars.text());
        }
        for (JsonNode offer : seminars.body()) {
            if (seminar.equals(offer.path("id").asText())) {
                JsonNode figures = offer.path("pools").path(pool);
                return new PoolFigures(figures.path("capacity").asInt(-1), figures.path("confirmed").asInt(-1),
                        figures.path("waiting").asInt(-1));
            }
        }
        throw new AssertionError(seminar + " is not in GET /api/seminars: " + seminars.text());
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode body;
        try {
            body = response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            body = JSON.missingNode();
        }
        return new Answer(response.statusCode(), body, response.body());
    }
}
