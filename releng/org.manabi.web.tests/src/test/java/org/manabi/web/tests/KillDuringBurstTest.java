package org.manabi.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.manabi.web.tests.Api.Answer;
import org.manabi.web.tests.Api.Person;
import org.manabi.web.tests.Api.PoolFigures;

/**
 * "Acknowledged = durable" where it matters: the server process is killed with SIGKILL in the
 * middle of a burst of registrations, then started again on the same data. Every registration that
 * got its 201 must be there with the status and position it was given, no person may hold two
 * rows, and no seat may be lost or sold twice. Once on the default H2 file, once on PostgreSQL.
 */
class KillDuringBurstTest {

    private static final int PEOPLE = 300;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 100;
    private static final int SEATS = 50;
    /** Enough requests in flight that the kill lands in the middle of some of them. */
    private static final int THREADS = 32;

    @Test
    void onH2(@TempDir Path folder) throws Exception {
        everyAcknowledgedRegistrationSurvivesSigkill(folder);
    }

    @Test
    void onPostgresql(@TempDir Path folder) throws Exception {
        try (TestSchema schema = new TestSchema()) {
            everyAcknowledgedRegistrationSurvivesSigkill(folder, "--db", schema.url());
        }
    }

    private static void everyAcknowledgedRegistrationSurvivesSigkill(Path folder, String... database) throws Exception {
        Path content = TestContent.write(folder, SEATS, 10);
        Path data = folder.resolve("data");
        List<String> arguments = new ArrayList<>(List.of(database));
        // one address sends the whole burst: the per-address limit would turn most of it away
        arguments.addAll(List.of("--registrations-per-minute", "0"));
        String[] serve = arguments.toArray(String[]::new);

        ServeProcess before = ServeProcess.start("before-kill", content, data, serve);
        ServeProcess after = null;
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            Api api = new Api();
            Map<String, Answer> acknowledged = new ConcurrentHashMap<>();
            Set<String> sent = ConcurrentHashMap.newKeySet();
            Queue<String> refused = new ConcurrentLinkedQueue<>();
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger unanswered = new AtomicInteger();
            CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
            List<Future<?>> burst = new ArrayList<>();
            for (int i = 0; i < PEOPLE; i++) {
                Person person = Person.numbered(i, "onsite");
                burst.add(threads.submit(() -> {
                    sent.add(person.email());
                    inFlight.incrementAndGet();
                    try {
                        Answer answer = api.register(before.site(), TestContent.SEMINAR, person);
                        if (answer.status() == 201) {
                            acknowledged.put(person.email(), answer);
                            enough.countDown();
                        } else {
                            refused.add(person.email() + ": " + answer.status() + " " + answer.text());
                        }
                    } catch (IOException e) {
                        // in flight when the server died, or sent after: stored or not, both are allowed, but not twice
                        unanswered.incrementAndGet();
                    } finally {
                        inFlight.decrementAndGet();
                    }
                    return null;
                }));
            }
            assertTrue(enough.await(60, TimeUnit.SECONDS), "only " + acknowledged.size() + " registrations acknowledged in 60 s");
            int cutOff = inFlight.get();
            before.kill();
            for (Future<?> request : burst) {
                request.get(60, TimeUnit.SECONDS);
            }
            int acknowledgedCount = acknowledged.size();
            System.out.printf("%s: %d registrations acknowledged, %d in flight at the kill, %d unanswered%n",
                    database.length == 0 ? "H2" : "PostgreSQL", acknowledgedCount, cutOff, unanswered.get());
            assertTrue(refused.isEmpty(), "registrations refused before the kill: " + refused);
            // otherwise the kill fell between requests and this test proved less than it says
            assertTrue(cutOff > 0, "no request was in flight when the server was killed");

            after = ServeProcess.start("after-kill", content, data, serve);

            for (Map.Entry<String, Answer> entry : acknowledged.entrySet()) {
                Answer given = entry.getValue();
                Answer stored = api.registration(after.site(), given.field("token"));
                assertEquals(200, stored.status(), entry.getKey() + " got 201 before the kill but is gone: " + stored.text());
                assertEquals(entry.getKey(), stored.field("email"));
                // nobody cancelled, so nobody moved up: status and position are what the 201 said
                assertEquals(given.field("status"), stored.field("status"), entry.getKey());
                assertEquals(given.field("position"), stored.field("position"), entry.getKey());
            }

            PoolFigures figures = api.pool(after.site(), TestContent.SEMINAR, "onsite");
            int stored = figures.confirmed() + figures.waiting();
            System.out.printf("  after the restart: %d stored (%d confirmed, %d waiting)%n", stored, figures.confirmed(),
                    figures.waiting());
            assertTrue(stored >= acknowledgedCount, stored + " stored, fewer than the " + acknowledgedCount + " acknowledged");
            assertEquals(Math.min(SEATS, stored), figures.confirmed(), "a seat was sold twice or lost: " + figures);

            // Each person stored answers a second registration with 409. If the rows outnumber the
            // people who get a 409, someone holds two rows.
            int duplicates = 0;
            for (String email : sent) {
                int number = Integer.parseInt(email.substring("person".length(), email.indexOf('@')));
                Answer again = api.register(after.site(), TestContent.SEMINAR, Person.numbered(number, "onsite"));
                if (acknowledged.containsKey(email)) {
                    assertEquals(409, again.status(), email + " was acknowledged, so registering again must be refused: "
                            + again.text());
                }
                if (again.status() == 409) {
                    duplicates++;
                } else {
                    // never stored: after the restart it is a first registration like any other
                    assertEquals(201, again.status(), email + ": " + again.text());
                }
            }
            assertEquals(stored, duplicates, "registration rows against distinct people stored");
        } catch (AssertionError | Exception e) {
            throw ServeProcess.explained(e, before, after);
        } finally {
            threads.shutdownNow();
            before.close();
            if (after != null) {
                after.close();
            }
        }
    }
}
