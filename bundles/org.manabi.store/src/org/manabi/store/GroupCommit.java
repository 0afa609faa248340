package org.manabi.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Group commit: requests that must be written one after the other (the registrations of one
 * seminar, which all wait for the seminar's row lock) are queued, and whichever caller holds the
 * writer's lock writes everything queued so far in one transaction; each caller returns once the
 * transaction holding its request has committed. Under load, one commit then serves many requests
 * instead of one; alone, a request is written at once, as before. No thread of its own: the
 * callers take turns as the writer (each writes one batch, then hands the role to the caller of the
 * oldest request left), and the callers of a batch return as soon as it has committed.
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

    /** A queued request, its caller (woken when it is done or becomes the writer) and its outcome. */
    private static final class Pending<R, T> {
        final R request;
        final Thread caller = Thread.currentThread();
        final CompletableFuture<T> outcome = new CompletableFuture<>();
        /** Set by the writer that hands its role over to this request's caller. */
        volatile boolean turn;

        Pending(R request) {
            this.request = request;
        }

        void wake() {
            // the writer's own request needs no waking (and a permit left on its thread would wake
            // whatever it parks for next)
            if (caller != Thread.currentThread()) {
                LockSupport.unpark(caller);
            }
        }
    }

    private final ConcurrentLinkedQueue<Pending<R, T>> queue = new ConcurrentLinkedQueue<>();
    /** Whether a caller is the writer: it writes one batch, then hands the role to the caller of the oldest request left. */
    private final AtomicBoolean writing = new AtomicBoolean();
    private final int maxBatch;
    private final BatchWriter<R, T> batchWriter;

    GroupCommit(int maxBatch, BatchWriter<R, T> batchWriter) {
        this.maxBatch = maxBatch;
        this.batchWriter = batchWriter;
    }

    /** Queues {@code request} and returns once it is committed (or refused). */
    T submit(R request) throws StoreException {
        Pending<R, T> mine = new Pending<>(request);
        queue.add(mine);
        if (writing.compareAndSet(false, true)) {
            mine.turn = true;
        }
        boolean interrupted = false;
        // each caller sleeps until its request is done or it is handed the writer's role: a batch's commit
        // wakes its own callers and one more, not every waiting caller (which then fought for a lock)
        while (!mine.outcome.isDone()) {
            if (mine.turn) {
                mine.turn = false;
                try {
                    writeQueued();
                } finally {
                    handOver();
                }
            } else {
                LockSupport.park(this);
                // the request is queued and will be written: wait for its outcome, keep the interrupt
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        try {
            return mine.outcome.get();
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

    /**
     * The writer, after its batch: hands the role to the caller of the oldest queued request, or, when
     * none is queued, gives it up (and takes it back if a request came in meanwhile whose caller did
     * not see the role free).
     */
    private void handOver() {
        for (;;) {
            Pending<R, T> next = queue.peek();
            if (next != null) {
                next.turn = true;
                next.wake();
                return;
            }
            writing.set(false);
            if (queue.isEmpty() || !writing.compareAndSet(false, true)) {
                return;
            }
        }
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
                complete(batch.get(0), null, e);
                return;
            }
            // one bad request must not fail the others: nothing was committed, so each is written alone
            for (Pending<R, T> alone : batch) {
                try {
                    write(List.of(alone));
                } catch (StoreException | RuntimeException failure) {
                    complete(alone, null, failure);
                }
            }
        } catch (Error e) {
            batch.forEach(pending -> complete(pending, null, e));
            throw e;
        }
    }

    private void write(List<Pending<R, T>> batch) throws StoreException {
        List<Outcome<T>> outcomes = batchWriter.write(batch.stream().map(pending -> pending.request).toList());
        for (int i = 0; i < batch.size(); i++) {
            complete(batch.get(i), outcomes.get(i).result(), outcomes.get(i).refusal());
        }
    }

    /** Completes a request with its result or its failure, and wakes its caller. */
    private static <R, T> void complete(Pending<R, T> pending, T result, Throwable failure) {
        if (failure == null) {
            pending.outcome.complete(result);
        } else {
            pending.outcome.completeExceptionally(failure);
        }
        pending.wake();
    }
}
