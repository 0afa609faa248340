package org.manabi.server.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.manabi.store.OwedMails;
import org.manabi.store.StoreException;

import org.manabi.store.Database.PoolStats;

/**
 * The figures {@code GET /metrics} shows, in the Prometheus text exposition format 0.0.4: requests by
 * method and status, their latency as a histogram, registrations by outcome, and the database pool.
 * <p>
 * Written here rather than with a metrics library: these are a handful of counters and one fixed
 * histogram, and the libraries on Maven Central (Prometheus' client, Micrometer) would add several
 * jars without OSGi metadata to the target platform for what fits in this class. Counters are
 * {@link LongAdder}s, so hundreds of request threads count without contending.
 * <p>
 * Labels take a few fixed values only (method, status code, outcome): never a path, whose personal
 * tokens would both leak and make the series count unbounded.
 */
public final class Metrics {

    /** Upper bounds of the latency buckets in seconds, from a quick page to a slow database. */
    private static final double[] BUCKETS = { 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10 };
    private static final Set<String> METHODS = java.util.Set.of("GET", "HEAD", "POST", "PUT", "DELETE",
            "OPTIONS");

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final LongAdder[] latencyBuckets = new LongAdder[BUCKETS.length];
    private final LongAdder latencyCount = new LongAdder();
    private final LongAdder latencyNanos = new LongAdder();
    private final Map<String, LongAdder> registrations = new ConcurrentHashMap<>();
    private final Supplier<PoolStats> pool;
    private final OwedMails mailsOwed;

    /**
     * @param pool      the database pool's figures at the moment of a scrape
     * @param mailsOwed the mails not sent yet: a growing number means the mailer is down or behind
     */
    public Metrics(Supplier<PoolStats> pool, OwedMails mailsOwed) {
        this.pool = pool;
        this.mailsOwed = mailsOwed;
        for (int i = 0; i < BUCKETS.length; i++) {
            latencyBuckets[i] = new LongAdder();
        }
    }

    /** Counts one answered request. */
    public void request(String method, int status, long nanos) {
        String knownMethod = METHODS.contains(method) ? method : "OTHER";
        requests.computeIfAbsent(knownMethod + "\u0000" + status, key -> new LongAdder()).increment();
        double seconds = nanos / 1e9;
        for (int i = 0; i < BUCKETS.length; i++) {
            if (seconds <= BUCKETS[i]) {
                // each request counts in its own bucket only; the cumulative sums are made at a scrape
                latencyBuckets[i].increment();
                break;
            }
        }
        latencyCount.increment();
        latencyNanos.add(nanos);
    }

    /** Counts one registration taken: {@code outcome} is {@code confirmed} or {@code waiting}. */
    public void registration(String outcome) {
        registrations.computeIfAbsent(outcome, key -> new LongAdder()).increment();
    }

    /** Writes every figure in the text format. */
    public void writeTo(Writer out) throws IOException {
        out.write("# HELP manabi_http_requests_total HTTP requests answered by this node.\n");
        out.write("# TYPE manabi_http_requests_total counter\n");
        for (Map.Entry<String, LongAdder> entry : new TreeMap<>(requests).entrySet()) {
            String[] labels = entry.getKey().split("\u0000");
            out.write("manabi_http_requests_total{method=\"" + labels[0] + "\",status=\"" + labels[1] + "\"} "
                    + entry.getValue().sum() + "\n");
        }
        out.write("# HELP manabi_http_request_duration_seconds Time from a request's first byte to its answer.\n");
        out.write("# TYPE manabi_http_request_duration_seconds histogram\n");
        // the count first, so that a scrape racing a request never shows a bucket above +Inf
        long count = latencyCount.sum();
        long cumulative = 0;
        for (int i = 0; i < BUCKETS.length; i++) {
            cumulative += latencyBuckets[i].sum();
            out.write("manabi_http_request_duration_seconds_bucket{le=\"" + number(BUCKETS[i]) + "\"} "
                    + Math.min(cumulative, count) + "\n");
        }
        out.write("manabi_http_request_duration_seconds_bucket{le=\"+Inf\"} " + count + "\n");
        out.write("manabi_http_request_duration_seconds_sum " + number(latencyNanos.sum() / 1e9) + "\n");
        out.write("manabi_http_request_duration_seconds_count " + count + "\n");

        out.write("# HELP manabi_registrations_total Registrations taken by this node, by outcome.\n");
        out.write("# TYPE manabi_registrations_total counter\n");
        for (String outcome : new String[] { "confirmed", "waiting" }) {
            LongAdder taken = registrations.get(outcome);
            out.write("manabi_registrations_total{outcome=\"" + outcome + "\"} " + (taken == null ? 0 : taken.sum())
                    + "\n");
        }

        PoolStats stats = pool.get();
        gauge(out, "manabi_db_pool_active_connections", "Database connections in use.", stats.active());
        gauge(out, "manabi_db_pool_idle_connections", "Database connections open and free.", stats.idle());
        gauge(out, "manabi_db_pool_pending_threads", "Threads waiting for a database connection.", stats.waiting());
        gauge(out, "manabi_db_pool_max_connections", "The most connections the pool opens.", stats.maximum());
        try {
            gauge(out, "manabi_mails_owed", "Mails committed and not sent yet (registrations, viewing IDs, requests).",
                    mailsOwed.pending());
        } catch (StoreException e) {
            // the database is down: the pool figures above and /ready say so; the gauge is left out of this scrape
        }
    }

    private static void gauge(Writer out, String name, String help, long value) throws IOException {
        out.write("# HELP " + name + " " + help + "\n");
        out.write("# TYPE " + name + " gauge\n");
        out.write(name + " " + value + "\n");
    }

    /** Java's shortest round-trip form ("0.005", "1.0", "1.5E-4") is a float Prometheus parses. */
    private static String number(double value) {
        return Double.toString(value);
    }
}
