package org.manabi.server.internal;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * Counts the requests in flight for {@link RequestRush}. A request that goes asynchronous (a live
 * room's event stream) counts until its servlet returns, not while it streams: it holds no core.
 */
public final class RequestRushFilter implements Filter {

    private final RequestRush rush;

    public RequestRushFilter(RequestRush rush) {
        this.rush = rush;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        rush.begun();
        try {
            chain.doFilter(request, response);
        } finally {
            rush.ended();
        }
    }
}
