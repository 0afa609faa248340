package org.manabi.server.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.manabi.store.Database;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /ready}: {@code 200 {"status":"ready"}} when this node can take registrations, that is when
 * its database answers; {@code 503 {"status":"unavailable","database":"down"}} otherwise, so that a load
 * balancer sends traffic to the other nodes. {@code /health} says only that the process serves.
 * <p>
 * The answer comes within three seconds even when the pool waits for a connection much longer; probes
 * that arrive while a check runs share it rather than pile up threads on a database that is down.
 */
public final class ReadinessServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 3;

    private final transient Database database;
    private transient CompletableFuture<Boolean> running;

    public ReadinessServlet(Database database) {
        this.database = database;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean ready = databaseAnswers();
        response.setStatus(ready ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        JSON.writeValue(response.getOutputStream(), ready ? Map.of("status", "ready", "database", "up")
                : Map.of("status", "unavailable", "database", "down"));
    }

    private boolean databaseAnswers() {
        CompletableFuture<Boolean> check;
        synchronized (this) {
            if (running == null || running.isDone()) {
                running = CompletableFuture.supplyAsync(database::isHealthy);
            }
            check = running;
        }
        try {
            return check.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
