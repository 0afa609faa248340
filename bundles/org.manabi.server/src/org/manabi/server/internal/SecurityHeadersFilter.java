package org.manabi.server.internal;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Adds the headers of the design's security model to every response, before any servlet writes,
 * so that no page can forget them.
 */
public final class SecurityHeadersFilter implements Filter {

    /**
     * No inline script, no plug-ins, no framing; forms post only to this server. Videos may also come
     * from the HTTPS addresses the content names (a recording on a streaming host).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; media-src 'self' https:; "
            + "object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            http.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            http.setHeader("X-Content-Type-Options", "nosniff");
            http.setHeader("X-Frame-Options", "DENY");
            http.setHeader("Referrer-Policy", "same-origin");
        }
        chain.doFilter(request, response);
    }
}
