package org.manabi.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;

/**
 * Group commit: requests that must be written one after the other (the registrations of one
 * seminar, which all wait for the seminar's row lock) are queued, and whichever caller holds the
 * writer's lock writes everything queued so far in one transaction; each caller returns once the
 * transaction holding its request has committed. Under load, one commit then serves many requests
 * instead of one; alone, a request is written at once, as before. No thread of its own: the
 * callers take turns as the writer, and the callers of a batch return as soon as it has committed.
 *
 * @param <R> a request
 * @param <T> what a written request gives back
 */
final class GroupCommit<R, T> {

    /** Writes a batch in one transaction; returns one outcome per request, in order, only after the commit. */
    @FunctionalInterface
    interface BatchWriter<R, T> {
        List<Outcome<T>> write(List<R> batch) throws StoreException;
    }

    /** A written request's result, or the exception that refused it alone (the others of its batch went on). */
    record Outcome<T>(T result, StoreException refusal) {

        static <T> Outcome<T> of(T result) {
            return new Outcome<>(result, null);
        }

        static <T> Outcome<T> refused(StoreException refusal) {
            return new Outcome<>(null, refusal);
        }
    }

    private record Pending<R, T>(R request, CompletableFuture<T> outcome) {
    }

    private final ConcurrentLinkedQueue<Pending<R, T>> queue = new ConcurrentLinkedQueue<>();
    /** Whether a caller is writing a batch (guarded by {@code this}). */
    private boolean writing;
    private final int maxBatch;
    private final BatchWriter<R, T> batchWriter;

    GroupCommit(int maxBatch, BatchWriter<R, T> batchWriter) {
        this.maxBatch = maxBatch;
        this.batchWriter = batchWriter;
    }

    /** Queues {@code request} and returns once it is committed (or refused). */
    T submit(R request) throws StoreException {
        Pending<R, T> mine = new Pending<>(request, new CompletableFuture<>());
        queue.add(mine);
        while (takeTurn(mine)) {
            try {
                writeQueued();
            } finally {
                synchronized (this) {
                    writing = false;
                    notifyAll(); // the requests of that batch are done; one of the others becomes the writer
                }
            }
        }
        try {
            return mine.outcome().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreException refusal) {
                throw refusal;
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            throw new IllegalStateException("unreachable: the outcome is complete", e);
        }
    }

    /** Waits until {@code mine} is done (false) or nobody writes, and then becomes the writer (true). */
    private synchronized boolean takeTurn(Pending<R, T> mine) {
        boolean interrupted = false;
        while (writing && !mine.outcome().isDone()) {
            try {
                wait();
            } catch (InterruptedException e) {
                // the request is queued and will be written: wait for its outcome, keep the interrupt
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (mine.outcome().isDone()) {
            return false;
        }
        writing = true;
        return true;
    }

    /** Writes up to {@code maxBatch} queued requests; a failed batch is written again one request at a time. */
    private void writeQueued() {
        List<Pending<R, T>> batch = new ArrayList<>();
        for (Pending<R, T> next; batch.size() < maxBatch && (next = queue.poll()) != null;) {
            batch.add(next);
        }
        try {
            write(batch);
        } catch (StoreException | RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).outcome().completeExceptionally(e);
                return;
            }
            // one bad request must not fail the others: nothing was committed, so each is written alone
            for (Pending<R, T> alone : batch) {
                try {
                    write(List.of(alone));
                } catch (StoreException | RuntimeException failure) {
                    alone.outcome().completeExceptionally(failure);
                }
            }
        } catch (Error e) {
            batch.forEach(pending -> pending.outcome().completeExceptionally(e));
            throw e;
        }
    }

    private void write(List<Pending<R, T>> batch) throws StoreException {
        List<Outcome<T>> outcomes = batchWriter.write(batch.stream().map(Pending::request).toList());
        for (int i = 0; i < batch.size(); i++) {
            Outcome<T> outcome = outcomes.get(i);
            if (outcome.refusal() == null) {
                batch.get(i).outcome().complete(outcome.result());
            } else {
                batch.get(i).outcome().completeExceptionally(outcome.refusal());
            }
        }
    }
}
