package org.manabi.server.internal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * CSRF protection of the HTML forms by double submission: a random value in an HttpOnly, SameSite
 * cookie and the same value in a hidden field of every form. Another site can make a browser post,
 * but it can neither read the cookie nor set it, so it cannot know the value to put in the field.
 */
public final class Csrf {

    public static final String FIELD = "csrf";
    private static final String COOKIE = "manabi_csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {
    }

    /** The value for the forms of this page, setting the cookie when the browser has none yet. */
    public static String token(HttpServletRequest request, HttpServletResponse response) {
        String current = cookie(request);
        if (current != null) {
            return current;
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Cookie cookie = new Cookie(COOKIE, token);
        cookie.setHttpOnly(true);
        cookie.setPath("/");
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
        request.setAttribute(COOKIE, token);
        return token;
    }

    /** Whether the posted form carries the value of the browser's cookie. */
    public static boolean valid(HttpServletRequest request) {
        String cookie = cookie(request);
        String field = request.getParameter(FIELD);
        return cookie != null && field != null && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8),
                field.getBytes(StandardCharsets.UTF_8));
    }

    private static String cookie(HttpServletRequest request) {
        Object fresh = request.getAttribute(COOKIE);
        if (fresh instanceof String token) {
            return token;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null && cookie.getValue().length() >= 32) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }
}
