package org.manabi.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.manabi.web.tests.Api.Answer;
import org.manabi.web.tests.Api.Person;
import org.manabi.web.tests.Api.PoolFigures;

/**
 * The scale-out path: two {@code serve} processes over one PostgreSQL schema hold one truth. A burst
 * split across both may not sell a seat twice, and the waiting list is one list with one number per
 * person, whichever node took the registration.
 */
class TwoNodesTest {

    private static final int PEOPLE = 200;
    private static final int SEATS = 50;

    @Test
    void twoServersOnOnePostgresqlSellEachSeatOnce(@TempDir Path folder) throws Exception {
        Path content = TestContent.write(folder, SEATS, 10);
        try (TestSchema schema = new TestSchema()) {
            String[] serve = { "--db", schema.url(), "--registrations-per-minute", "0" };
            // started together, as a deployment starts its nodes: both find a fresh schema to migrate
            CompletableFuture<ServeProcess> startingA = CompletableFuture.supplyAsync(() -> start("a", content, folder, serve));
            CompletableFuture<ServeProcess> startingB = CompletableFuture.supplyAsync(() -> start("b", content, folder, serve));
            ServeProcess a = null;
            ServeProcess b = null;
            ExecutorService threads = Executors.newFixedThreadPool(64);
            try {
                a = startingA.join();
                b = startingB.join();
                ServeProcess[] nodes = { a, b };
                Api api = new Api();

                CountDownLatch go = new CountDownLatch(1);
                List<Future<Answer>> burst = new ArrayList<>();
                for (int i = 0; i < PEOPLE; i++) {
                    Person person = Person.numbered(i, "onsite");
                    ServeProcess node = nodes[i % 2];
                    burst.add(threads.submit(() -> {
                        go.await();
                        return api.register(node.site(), TestContent.SEMINAR, person);
                    }));
                }
                go.countDown();

                int confirmed = 0;
                List<Integer> positions = new ArrayList<>();
                List<Answer> answers = new ArrayList<>();
                for (Future<Answer> request : burst) {
                    Answer answer = request.get(60, TimeUnit.SECONDS);
                    assertEquals(201, answer.status(), answer.text());
                    answers.add(answer);
                    if ("confirmed".equals(answer.field("status"))) {
                        confirmed++;
                    } else {
                        assertEquals("waiting", answer.field("status"), answer.text());
                        positions.add(answer.body().path("position").asInt());
                    }
                }
                assertEquals(SEATS, confirmed, "confirmed across both nodes");
                positions.sort(null);
                assertEquals(IntStream.rangeClosed(1, PEOPLE - SEATS).boxed().toList(), positions,
                        "the waiting positions, one each");

                PoolFigures expected = new PoolFigures(SEATS, SEATS, PEOPLE - SEATS);
                assertEquals(expected, api.pool(a.site(), TestContent.SEMINAR, "onsite"), "node a's catalogue");
                assertEquals(expected, api.pool(b.site(), TestContent.SEMINAR, "onsite"), "node b's catalogue");
                // a registration taken by one node reads the same on the other
                for (int i = 0; i < answers.size(); i++) {
                    Answer given = answers.get(i);
                    Answer read = api.registration(nodes[(i + 1) % 2].site(), given.field("token"));
                    assertEquals(200, read.status(), read.text());
                    assertEquals(given.field("status"), read.field("status"));
                    assertEquals(given.field("position"), read.field("position"));
                }
            } catch (AssertionError | Exception e) {
                throw ServeProcess.explained(e, a, b);
            } finally {
                threads.shutdownNow();
                for (CompletableFuture<ServeProcess> starting : List.of(startingA, startingB)) {
                    ServeProcess node = starting.exceptionally(e -> null).join();
                    if (node != null) {
                        node.close();
                    }
                }
            }
        }
    }

    private static ServeProcess start(String name, Path content, Path folder, String[] serve) {
        try {
            return ServeProcess.start(name, content, folder.resolve("data-" + name), serve);
        } catch (Exception e) {
            throw new IllegalStateException("node " + name + " did not start: " + e.getMessage(), e);
        }
    }
}
