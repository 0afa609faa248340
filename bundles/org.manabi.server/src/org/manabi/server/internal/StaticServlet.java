package org.manabi.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The style sheet and other fixed files of the pages, from {@code static/} beside this class. */
public final class StaticServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.of("css", "text/css;charset=utf-8", "png", "image/png",
            "svg", "image/svg+xml", "js", "text/javascript;charset=utf-8");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        // only plain names: nothing outside static/ can be asked for
        if (!name.matches("[a-z0-9-]+\\.[a-z]+") || !TYPES.containsKey(extension)) {
            response.sendError(404);
            return;
        }
        try (InputStream in = StaticServlet.class.getResourceAsStream("static/" + name)) {
            if (in == null) {
                response.sendError(404);
                return;
            }
            response.setContentType(TYPES.get(extension));
            response.setHeader("Cache-Control", "public, max-age=3600");
            in.transferTo(response.getOutputStream());
        }
    }
}
