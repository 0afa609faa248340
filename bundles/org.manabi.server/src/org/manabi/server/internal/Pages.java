package org.manabi.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.manabi.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Renders the HTML pages: Mustache templates beside this class (every value HTML-escaped), the
 * texts of the participant's language, the language switch.
 */
final class Pages {

    private static final Logger LOG = LoggerFactory.getLogger(Pages.class);
    private static final String LANGUAGE_COOKIE = "manabi_lang";

    /** Templates are read through this bundle's class loader: Mustache's own resolver asks the thread's, unset in OSGi. */
    private final MustacheFactory templates = new DefaultMustacheFactory(name -> {
        InputStream in = Pages.class.getResourceAsStream("templates/" + name);
        return in == null ? null : (Reader) new InputStreamReader(in, StandardCharsets.UTF_8);
    });

    /**
     * The participant's language: {@code ?lang=} (remembered in a cookie), else the cookie, else the
     * browser's first choice of Japanese or English; Japanese when it names neither.
     */
    static Texts texts(HttpServletRequest request, HttpServletResponse response) {
        String asked = request.getParameter("lang");
        if ("ja".equals(asked) || "en".equals(asked)) {
            Cookie cookie = new Cookie(LANGUAGE_COOKIE, asked);
            cookie.setPath("/");
            cookie.setHttpOnly(true);
            cookie.setAttribute("SameSite", "Lax");
            cookie.setMaxAge(365 * 24 * 3600);
            response.addCookie(cookie);
            return Texts.of(asked);
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (LANGUAGE_COOKIE.equals(cookie.getName())) {
                    return Texts.of(cookie.getValue());
                }
            }
        }
        for (Locale locale : java.util.Collections.list(request.getLocales())) {
            if (locale.getLanguage().equals("ja") || locale.getLanguage().equals("en")) {
                return Texts.of(locale.getLanguage());
            }
        }
        return Texts.of("ja");
    }

    void render(HttpServletRequest request, HttpServletResponse response, int status, String template, Texts texts,
            String pageTitle, Map<String, Object> model) throws IOException {
        Map<String, Object> scope = new HashMap<>(model);
        scope.put("t", texts.all());
        scope.put("pageTitle", pageTitle);
        List<Map<String, Object>> languages = new ArrayList<>();
        for (String code : List.of("ja", "en")) {
            languages.add(Map.of("code", code, "label", code.equals("ja") ? "日本語" : "English",
                    "href", request.getRequestURI() + "?lang=" + code, "current", code.equals(texts.language())));
        }
        scope.put("languages", languages);
        response.setStatus(status);
        response.setContentType("text/html;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            templates.compile(template + ".mustache").execute(out, scope);
        }
    }

    /**
     * Whether a posted form may be handled: no larger than {@link Http#MAX_BODY} (else 413) and
     * carrying the browser's CSRF token (else 403); the refusal page links back to {@code back}.
     */
    boolean formAccepted(HttpServletRequest request, HttpServletResponse response, Texts texts, String back)
            throws IOException {
        if (request.getContentLengthLong() > Http.MAX_BODY) {
            message(request, response, 413, texts, texts.get("too_large_heading"), texts.get("too_large_text"), back);
            return false;
        }
        if (!Csrf.valid(request)) {
            message(request, response, 403, texts, texts.get("csrf_heading"), texts.get("csrf_text"), back);
            return false;
        }
        return true;
    }

    /** Whether a servlet that answers both pages and the JSON API was asked through {@code /api/…}. */
    static boolean api(HttpServletRequest request) {
        return request.getServletPath().startsWith("/api/");
    }

    /** The texts of the participant's language for a page; English for the API, whose messages are English. */
    static Texts texts(HttpServletRequest request, HttpServletResponse response, boolean api) {
        return api ? Texts.of("en") : texts(request, response);
    }

    /** Whether a POST may be handled: JSON typed for the API ({@link Json#typed}), a form of ours otherwise. */
    boolean accepted(HttpServletRequest request, HttpServletResponse response, Texts texts, boolean api, String back)
            throws IOException {
        return api ? Json.typed(request, response) : formAccepted(request, response, texts, back);
    }

    /** 503 as JSON for the API, as a page linking back to {@code back} otherwise. */
    void unavailable(HttpServletRequest request, HttpServletResponse response, Texts texts, boolean api, StoreException e,
            String back) throws IOException {
        if (api) {
            Json.unavailable(response, e);
        } else {
            unavailable(request, response, texts, e, back);
        }
    }

    /** 503: the database did not answer; nothing was changed. */
    void unavailable(HttpServletRequest request, HttpServletResponse response, Texts texts, StoreException e, String back)
            throws IOException {
        LOG.error("The database did not answer: {}", e.getMessage());
        response.setHeader("Retry-After", "5");
        message(request, response, 503, texts, texts.get("unavailable_heading"), texts.get("unavailable_text"), back);
    }

    void message(HttpServletRequest request, HttpServletResponse response, int status, Texts texts, String heading,
            String text, String back) throws IOException {
        render(request, response, status, "message", texts, heading,
                Map.of("heading", heading, "text", text, "back", back));
    }
}
