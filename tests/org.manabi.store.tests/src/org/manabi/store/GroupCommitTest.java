package org.manabi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * {@link GroupCommit} on its own (in the store's package: it is not API): many callers at once each get
 * their own request's outcome, batches never exceed their size nor overlap, a refused request fails
 * alone, and a batch that fails is written again one request at a time.
 */
class GroupCommitTest {

    private static final int CALLERS = 32;
    private static final int REQUESTS_EACH = 200;

    @Test
    void everyCallerGetsItsOwnOutcomeFromBatchesWrittenOneAtATime() throws Exception {
        AtomicBoolean inside = new AtomicBoolean();
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(8, batch -> {
            assertTrue(inside.compareAndSet(false, true), "one batch at a time");
            try {
                sizes.add(batch.size());
                List<GroupCommit.Outcome<Integer>> outcomes = new ArrayList<>();
                for (int request : batch) {
                    // every seventh request is refused, alone
                    outcomes.add(request % 7 == 0
                            ? GroupCommit.Outcome.refused(new StoreException("refused " + request, null))
                            : GroupCommit.Outcome.of(request * 2));
                }
                return outcomes;
            } finally {
                inside.set(false);
            }
        });
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int caller = 0; caller < CALLERS; caller++) {
                int first = caller * REQUESTS_EACH;
                done.add(callers.submit(() -> {
                    int refused = 0;
                    for (int request = first; request < first + REQUESTS_EACH; request++) {
                        try {
                            assertEquals(request * 2, commit.submit(request));
                        } catch (StoreException e) {
                            assertEquals("refused " + request, e.getMessage());
                            refused++;
                        }
                    }
                    return refused;
                }));
            }
            int refused = 0;
            for (Future<Integer> caller : done) {
                refused += caller.get();
            }
            int all = CALLERS * REQUESTS_EACH;
            assertEquals((all + 6) / 7, refused);
            assertEquals(all, sizes.stream().mapToInt(Integer::intValue).sum(), "every request written once");
            assertTrue(sizes.stream().allMatch(size -> size >= 1 && size <= 8), sizes.toString());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aFailedBatchIsWrittenAgainOneRequestAtATime() throws Exception {
        AtomicInteger writes = new AtomicInteger();
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(64, batch -> {
            writes.incrementAndGet();
            if (batch.contains(13)) {
                throw new StoreException("13 breaks its batch", null);
            }
            return batch.stream().map(GroupCommit.Outcome::of).toList();
        });
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int request = 0; request < CALLERS; request++) {
                int mine = request;
                done.add(callers.submit(() -> commit.submit(mine)));
            }
            for (int request = 0; request < CALLERS; request++) {
                if (request == 13) {
                    ExecutionException failed = assertThrows(ExecutionException.class,
                            done.get(request)::get);
                    assertInstanceOf(StoreException.class, failed.getCause());
                } else {
                    assertEquals(request, done.get(request).get(), "the others of 13's batch went on");
                }
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
