package org.manabi.server.internal;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;

import org.manabi.server.ServerSettings;

import jakarta.servlet.http.HttpServletRequest;

/** Small facts about a request that several servlets need. */
final class Http {

    /** Request bodies larger than this are refused with 413: a registration is a few hundred bytes. */
    static final int MAX_BODY = 64 * 1024;

    private Http() {
    }

    /** The server's address as participants see it: the configured public address, else the one this request came to. */
    static URI site(HttpServletRequest request, ServerSettings settings) {
        if (settings.publicUri() != null) {
            return settings.publicUri();
        }
        return URI.create(request.getRequestURL().toString()).resolve("/");
    }

    /** The path below the servlet, split at slashes: {@code /seminars/x/registrations} → [seminars, x, registrations]. */
    static String[] path(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null || info.equals("/")) {
            return new String[0];
        }
        return info.substring(1).split("/", -1);
    }

    /** The body, or {@code null} when it is larger than {@link #MAX_BODY}. */
    static byte[] body(HttpServletRequest request) throws IOException {
        long length = request.getContentLengthLong();
        if (length > MAX_BODY) {
            return null;
        }
        if (length >= 0) {
            // the usual case, a declared length (which Jetty holds the body to): read exactly that, where
            // readNBytes(MAX_BODY + 1) would allocate its 16 KiB buffers for a body of a few hundred bytes
            byte[] body = new byte[(int) length];
            int read = request.getInputStream().readNBytes(body, 0, body.length);
            return read == body.length ? body : Arrays.copyOf(body, read);
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }
}
