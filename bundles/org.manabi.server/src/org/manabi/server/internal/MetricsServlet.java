package org.manabi.server.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.util.InetAddressSet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /metrics}: the {@link Metrics} in the Prometheus text format, for the addresses allowed to
 * scrape ({@code metrics-from}, by default this machine only); 403 for everyone else. The address is the
 * client's as the {@link TrustedProxies} established it, so a visitor who comes through the public
 * proxy is refused even though the proxy itself connects from this machine.
 */
public final class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Metrics metrics;
    private final transient InetAddressSet allowed;

    public MetricsServlet(Metrics metrics, InetAddressSet allowed) {
        this.metrics = metrics;
        this.allowed = allowed;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!allowed(request.getRemoteAddr())) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "metrics are for the monitoring system");
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/plain; version=0.0.4");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            metrics.writeTo(out);
        }
    }

    private boolean allowed(String address) {
        String literal = address == null ? "" : address.replaceAll("^\\[|\\]$", "");
        // only literal addresses: a name in a forwarded header must not make the server look it up
        if (!literal.matches("[0-9.]+|[0-9A-Fa-f:.%a-z]*:[0-9A-Fa-f:.%a-z]*")) {
            return false;
        }
        try {
            return allowed.test(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
