package org.manabi.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The background work's turns, on a clock that moves only when the work sleeps or works. */
class RequestRushTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private long slept;
    /** Requests that end, all at once, once the work has slept this long (0: never). */
    private long rushEndsAfter;

    private final RequestRush rush = new RequestRush(now::get, duration -> {
        now.addAndGet(duration.toNanos());
        slept += duration.toMillis();
        if (rushEndsAfter > 0 && slept >= rushEndsAfter) {
            while (inFlight() > 0) {
                end();
            }
        }
    }, 4, Duration.ofMillis(100), Duration.ofSeconds(1));

    private int started;

    private void begin(int requests) {
        for (int i = 0; i < requests; i++) {
            rush.begun();
            started++;
        }
    }

    private void end() {
        rush.ended();
        started--;
    }

    private int inFlight() {
        return started;
    }

    private void work(long millis) {
        now.addAndGet(millis * 1_000_000L);
    }

    @Test
    void aServerAnsweringFewRequestsNeverMakesTheWorkWait() throws InterruptedException {
        begin(3);
        for (int i = 0; i < 20; i++) {
            rush.awaitTurn();
            work(100);
        }
        assertEquals(0, slept);
    }

    @Test
    void duringARushTheWorkGetsOneTurnASecond() throws InterruptedException {
        begin(64);
        long start = now.get();
        int turns = 0;
        while (now.get() - start < 10_000_000_000L) {
            rush.awaitTurn();
            turns++;
            work(50); // a batch of mails
        }
        assertTrue(turns >= 10 && turns <= 11, "one turn a second over ten seconds, not " + turns);
    }

    @Test
    void theWorkGoesOnSoonAfterTheRushEnds() throws InterruptedException {
        begin(64);
        rush.awaitTurn(); // the first turn comes at once
        work(50);
        rushEndsAfter = 300;
        rush.awaitTurn();
        assertTrue(slept >= 300 && slept <= 400, "back within a poll of the end, not after " + slept + " ms");
    }
}
