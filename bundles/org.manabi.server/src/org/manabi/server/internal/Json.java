package org.manabi.server.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.manabi.server.Catalogue;
import org.manabi.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** How the JSON APIs answer: bodies, errors {@code {"error", "field"}}, times with their offset. */
final class Json {

    private static final Logger LOG = LoggerFactory.getLogger(Json.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    static void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        MAPPER.writeValue(response.getOutputStream(), body);
    }

    /** {@code {"error": message, "field": field}}; {@code field} names the input at fault, or is {@code null}. */
    static void error(HttpServletResponse response, int status, String message, String field) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("field", field);
        write(response, status, body);
    }

    static void unavailable(HttpServletResponse response, StoreException e) throws IOException {
        LOG.error("The database did not answer: {}", e.getMessage());
        response.setHeader("Retry-After", "5");
        error(response, 503, "The registration database is not available; nothing was changed, try again shortly", null);
    }

    /**
     * Whether the request says {@code Content-Type: application/json}; otherwise answers 415. No other
     * site can make a browser send that type without asking first (CORS), so a POST that has it
     * needs no CSRF token.
     */
    static boolean typed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            error(response, 415, "Send the body as JSON with Content-Type: application/json", null);
            return false;
        }
        return true;
    }

    static String time(ZonedDateTime time) {
        return time == null ? null : time.toOffsetDateTime().toString();
    }

    /** A time of the curricula (Japan time) with its offset: {@code 2026-12-25T13:00+09:00}. */
    static String time(LocalDateTime time) {
        return time == null ? null : time(time.atZone(Catalogue.ZONE));
    }

    /** A moment of the store, in Japan time with its offset. */
    static String time(Instant time) {
        return time == null ? null : time(time.atZone(Catalogue.ZONE));
    }
}
