package org.manabi.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.manabi.web.tests.Api.Answer;
import org.manabi.web.tests.Api.Person;

/**
 * The deployment of docs/DEPLOY.md in small: two {@code serve} nodes over one PostgreSQL behind a real
 * nginx with the repository's proxy configuration, all on loopback. Participants register through
 * nginx; both nodes take registrations; each node sees the client's own address (a loopback address
 * of its own, 127.0.0.7) because nginx is a trusted proxy, and ignores the same header from anyone
 * else.
 */
class BehindNginxTest {

    private static final int PEOPLE = 12;
    private static final Pattern REGISTRATIONS = Pattern.compile("manabi_registrations_total\\{outcome=\"confirmed\"\\} (\\d+)");

    @Test
    void participantsRegisterThroughNginxOnTwoNodes(@TempDir Path folder) throws Exception {
        Path content = TestContent.write(folder, 50, 10);
        try (TestSchema schema = new TestSchema()) {
            String[] serve = { "--db", schema.url(), "--trusted-proxy", "127.0.0.1", "--registrations-per-minute", "0" };
            ServeProcess a = null;
            ServeProcess b = null;
            Nginx nginx = null;
            try {
                a = ServeProcess.start("a", content, folder.resolve("data-a"), serve);
                b = ServeProcess.start("b", content, folder.resolve("data-b"), serve);
                nginx = Nginx.start(folder.resolve("nginx"), List.of(a.site(), b.site()));
                // the participant's machine: its own loopback address, so that the nodes can tell it from nginx
                HttpClient participant = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.7"))
                        .connectTimeout(Duration.ofSeconds(10)).build();
                Api api = new Api(participant);

                List<String> tokens = new ArrayList<>();
                for (int i = 0; i < PEOPLE; i++) {
                    Answer answer = api.register(nginx.site(), TestContent.SEMINAR, Person.numbered(i, "onsite"));
                    assertEquals(201, answer.status(), answer.text());
                    assertEquals("confirmed", answer.field("status"), answer.text());
                    tokens.add(answer.field("token"));
                }
                for (String token : tokens) {
                    Answer read = api.registration(nginx.site(), token);
                    assertEquals(200, read.status(), read.text());
                }

                int byA = confirmedBy(a.site());
                int byB = confirmedBy(b.site());
                assertEquals(PEOPLE, byA + byB, "every registration was taken by one node");
                assertTrue(byA > 0 && byB > 0, "nginx balanced over both nodes: " + byA + " + " + byB);

                // a request is logged once answered, a moment after its client has the answer
                awaitLog(a, log -> clientsOfRegistrations(log).size() == byA);
                awaitLog(b, log -> clientsOfRegistrations(log).size() == byB);
                String logs = a.log() + b.log();
                assertTrue(logs.contains("method=POST path=/api/seminars/" + TestContent.SEMINAR
                        + "/registrations status=201"), "the access log of the nodes:\n" + logs);
                assertTrue(clientsOfRegistrations(logs).stream().allMatch("127.0.0.7"::equals),
                        "the nodes saw the participant, not nginx: " + clientsOfRegistrations(logs));
                for (String token : tokens) {
                    assertFalse(logs.contains(token), "a personal token in the log");
                }
                assertFalse(logs.contains("@example.jp"), "an email in the log");

                // the public cannot scrape the metrics through nginx
                HttpResponse<String> metrics = participant.send(HttpRequest.newBuilder(nginx.site().resolve("/metrics"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(404, metrics.statusCode());

                // straight to a node, with a made-up header: not believed, the connection's address counts
                HttpClient direct = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.9")).build();
                Api spoofer = new Api(direct);
                Answer spoofed = spoofer.registerAs(a.site(), TestContent.SEMINAR, Person.numbered(100, "onsite"),
                        "198.51.100.23");
                assertEquals(201, spoofed.status(), spoofed.text());
                String logA = awaitLog(a, log -> clientsOfRegistrations(log).contains("127.0.0.9"));
                assertTrue(clientsOfRegistrations(logA).contains("127.0.0.9"), logA);
                assertFalse(logA.contains("198.51.100.23"), "a header from an untrusted peer was believed:\n" + logA);
            } catch (AssertionError | Exception e) {
                AssertionError explained = ServeProcess.explained(e, a, b);
                throw nginx == null ? explained : new AssertionError(explained.getMessage() + "\n" + nginx.diagnostics(), e);
            } finally {
                if (nginx != null) {
                    nginx.close();
                }
                for (ServeProcess node : new ServeProcess[] { a, b }) {
                    if (node != null) {
                        node.close();
                    }
                }
            }
        }
    }

    /** The node's count of confirmed registrations, from its metrics (scraped from this machine, as a monitoring agent does). */
    private static int confirmedBy(URI node) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(node.resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode(), metrics.body());
        Matcher count = REGISTRATIONS.matcher(metrics.body());
        assertTrue(count.find(), metrics.body());
        return Integer.parseInt(count.group(1));
    }

    /** The node's log once {@code expected} holds of it, or after ten seconds as it is then. */
    private static String awaitLog(ServeProcess node, java.util.function.Predicate<String> expected) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        String log = node.log();
        while (!expected.test(log) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            log = node.log();
        }
        return log;
    }

    /** The client addresses the access log names for registrations. */
    private static List<String> clientsOfRegistrations(String log) {
        List<String> clients = new ArrayList<>();
        Matcher line = Pattern.compile("method=POST path=/api/seminars/[^ ]+/registrations status=\\d+ duration_ms=[0-9.]+ client=([^ \\n]+)")
                .matcher(log);
        while (line.find()) {
            clients.add(line.group(1));
        }
        return clients;
    }
}
