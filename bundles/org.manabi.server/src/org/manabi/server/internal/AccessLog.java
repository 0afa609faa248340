package org.manabi.server.internal;

import java.util.Locale;
import java.util.regex.Pattern;

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
    /**
     * A token: 20 or more URL-safe Base64 characters that are not a curriculum id (every id is lower
     * case words and numbers joined by hyphens, {@code mds-sds-writing-2025-onsite}).
     */
    private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9_-]{20,}");
    private static final Pattern CURRICULUM_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

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
                    .addKeyValue("duration_ms", String.format(Locale.ROOT, "%.1f", nanos / 1e6))
                    .addKeyValue("client", Request.getRemoteAddr(request))
                    .log("request");
        }
    }

    /** {@code path} with every token-like segment replaced by {@code {token}}. */
    public static String redacted(String path) {
        if (path == null) {
            return "";
        }
        StringBuilder result = new StringBuilder(path.length());
        for (String segment : path.split("/", -1)) {
            if (TOKEN_LIKE.matcher(segment).matches() && !CURRICULUM_ID.matcher(segment).matches()) {
                segment = "{token}";
            }
            result.append(segment).append('/');
        }
        result.setLength(result.length() - 1);
        return result.toString();
    }
}
