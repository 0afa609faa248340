package org.manabi.server.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Tells background work that can wait (the mails owed, rows in the database that lose nothing by
 * waiting) when the server is rushed, so that it leaves the cores to the requests: when registration
 * opens for a popular seminar, a seat taken sooner matters more than its confirmation mail arriving at
 * once (the page already shows the outcome and the personal link).
 * <p>
 * The server is rushed while more requests are in flight than {@code busyAt}: more than its cores can
 * run at once, so whatever else runs makes them wait. During a rush {@link #awaitTurn()} still returns
 * once per {@code share}, so the work goes on at a trickle however long the rush lasts; otherwise it
 * returns at once. The requests are counted by {@link #begun()} and {@link #ended()}.
 */
public final class RequestRush {

    /** Sleeps; {@link Thread#sleep(long)} in the server. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final int busyAt;
    private final long pollNanos;
    private final long shareNanos;
    /** When the work last had its turn; only the work's own thread reads and writes it. */
    private long lastTurn;

    /**
     * @param busyAt from how many requests in flight on the server counts as rushed
     * @param poll   how often a waiting work looks again
     * @param share  the longest the work waits for its next turn during a rush
     */
    public RequestRush(int busyAt, Duration poll, Duration share) {
        this(System::nanoTime, duration -> Thread.sleep(duration), busyAt, poll, share);
    }

    RequestRush(LongSupplier nanoTime, Sleeper sleeper, int busyAt, Duration poll, Duration share) {
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.busyAt = busyAt;
        this.pollNanos = poll.toNanos();
        this.shareNanos = share.toNanos();
        this.lastTurn = nanoTime.getAsLong() - shareNanos;
    }

    /** A rush for a server of {@code cores} cores: twice as many requests in flight, at least four. */
    public static RequestRush forCores(int cores) {
        return new RequestRush(Math.max(4, 2 * cores), Duration.ofMillis(100), Duration.ofSeconds(1));
    }

    /** A request came in. */
    public void begun() {
        inFlight.incrementAndGet();
    }

    /** A request was answered (or failed). */
    public void ended() {
        inFlight.decrementAndGet();
    }

    /** Whether the server is rushed now. */
    public boolean rushed() {
        return inFlight.get() >= busyAt;
    }

    /**
     * Returns when the work may go on: at once without a rush, else when it ends or the work's share
     * comes round. For one thread, the work's own.
     */
    public void awaitTurn() throws InterruptedException {
        for (;;) {
            long now = nanoTime.getAsLong();
            if (!rushed() || now - lastTurn >= shareNanos) {
                lastTurn = now;
                return;
            }
            sleeper.sleep(Duration.ofNanos(Math.min(pollNanos, lastTurn + shareNanos - now)));
        }
    }
}
