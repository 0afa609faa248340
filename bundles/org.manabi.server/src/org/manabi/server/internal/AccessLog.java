package org.manabi.server.internal;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One record per answered request on the logger {@code manabi.access}, its fields as SLF4J key-value
 * pairs, which the log layout writes as logfmt:
 * {@code msg=request method=GET path=/seminars/x status=200 duration_ms=3.1 client=203.0.113.9}; and the
 * request in the {@link Metrics}.
 * <p>
 * A line never holds a secret or personal datum: no query string (it may carry a token or an email),
 * no header, no body, and a path segment that looks like a personal token (the links
 * {@code /r/<token>}, {@code /api/registrations/<token>}) is written as {@code {token}}. The client is
 * the address the {@link TrustedProxies} established.
 */
public final class AccessLog implements RequestLog {

    private static final Logger LOG = LoggerFactory.getLogger("manabi.access");

    private final Metrics metrics;

    public AccessLog(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void log(Request request, Response response) {
        long nanos = System.nanoTime() - request.getBeginNanoTime();
        int status = response.getStatus();
        metrics.request(request.getMethod(), status, nanos);
        if (LOG.isInfoEnabled()) {
            // key-value pairs, not text: the log layout quotes and escapes each value
            LOG.atInfo().addKeyValue("method", request.getMethod())
                    .addKeyValue("path", redacted(request.getHttpURI().getPath()))
                    .addKeyValue("status", status)
                    .addKeyValue("duration_ms", milliseconds(nanos))
                    .addKeyValue("client", Request.getRemoteAddr(request))
                    .log("request");
        }
    }

    /** {@code path} with every token-like segment replaced by {@code {token}}. */
    public static String redacted(String path) {
        if (path == null) {
            return "";
        }
        // by hand rather than split and two regular expressions: it runs for every request
        StringBuilder result = null;
        int start = 0;
        for (int end = 0; end <= path.length(); end++) {
            if (end < path.length() && path.charAt(end) != '/') {
                continue;
            }
            if (tokenLike(path, start, end)) {
                if (result == null) {
                    result = new StringBuilder(path.length()).append(path, 0, start);
                }
                result.append("{token}");
            } else if (result != null) {
                result.append(path, start, end);
            }
            if (result != null && end < path.length()) {
                result.append('/');
            }
            start = end + 1;
        }
        return result == null ? path : result.toString();
    }

    /**
     * Whether {@code path[start, end)} looks like a token: 20 or more URL-safe Base64 characters that
     * are not a curriculum id (lower case words and numbers joined by single hyphens,
     * {@code mds-sds-writing-2025-onsite}).
     */
    private static boolean tokenLike(String path, int start, int end) {
        if (typedCode(path, start, end)) {
            return true;
        }
        if (end - start < 20) {
            return false;
        }
        boolean curriculumId = path.charAt(start) != '-' && path.charAt(end - 1) != '-';
        for (int i = start; i < end; i++) {
            char c = path.charAt(i);
            boolean lower = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!lower && !(c >= 'A' && c <= 'Z') && c != '_' && c != '-') {
                return false;
            }
            if (!lower && (c != '-' || i == start || path.charAt(i - 1) == '-')) {
                curriculumId = false;
            }
        }
        return !curriculumId;
    }

    /**
     * Whether {@code path[start, end)} is a code people type (a viewing ID, a certificate's code): four
     * or more groups of four Base32 characters, in either case, with a dash between groups or none, as
     * the store reads them. Typed in lower case, such a code would otherwise pass for a curriculum id;
     * a curriculum id's dashes never fall after every fourth character.
     */
    private static boolean typedCode(String path, int start, int end) {
        int characters = 0;
        for (int i = start; i < end; i++) {
            char c = path.charAt(i);
            if (c == '-') {
                if (characters == 0 || characters % 4 != 0 || path.charAt(i - 1) == '-' || i == end - 1) {
                    return false;
                }
            } else if ((c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') && c != 'u' && c != 'U') {
                characters++;
            } else {
                return false;
            }
        }
        return characters >= 16 && characters % 4 == 0;
    }

    /** Nanoseconds as milliseconds with one decimal, {@code 3.1}, without a formatter. */
    static String milliseconds(long nanos) {
        long tenths = Math.round(nanos / 100_000.0);
        return tenths / 10 + "." + tenths % 10;
    }
}
